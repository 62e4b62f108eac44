using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>A refusal the user can act on, in Vietnamese (a state the session is not in, a field out of bounds).</summary>
public sealed class VoteException(string message) : Exception(message);

public sealed record SessionInput(int BlocId, int Year, string Title, DateOnly MeetingDate, string Place, string? CountingBoard);

public sealed record QuestionInput(string AwardCode, int Places, decimal QuorumPercent, decimal ThresholdPercent, ThresholdBase ThresholdOf, string LegalBasis, IReadOnlyList<int> CandidateUnitIds);

/// <summary>A token as handed to the secretariat once, for one delegate.</summary>
public sealed record IssuedToken(int DelegateId, string Delegate, string? Position, string Unit, string Token);

public enum CastOutcome { Cast, UnknownToken, NotOpen, AlreadyUsed }

/// <summary>What a delegate's token opens: the session and its questions, in order.</summary>
public sealed record BallotForm(int SessionId, string Title, DateOnly MeetingDate, string Place, IReadOnlyList<BallotQuestion> Questions);
public sealed record BallotQuestion(int Id, string AwardCode, int Places, IReadOnlyList<(int CandidateId, string Unit)> Candidates);

/// <summary>
/// The vote session's rules: draft → open → closed, tokens, casting without a trace of the voter, the count and the
/// proposals it produces. Used by the pages and by the demo year (<see cref="VotesDemo"/>).
/// </summary>
public sealed class VoteService(AppDbContext db)
{
    public const int FirstYear = 2000, LastYear = 2100;
    public const int MaxPlaces = 50, MaxCandidates = 50, MaxDelegates = 200;
    public static readonly string[] AwardCodes = ["CO_CP", "BK_TTG", "BK_BO"];

    /// <summary>
    /// The law's default for a council where the bloc's own regulation is not at hand, worded for the minutes and the
    /// page (sources: legal-rules.md §3 "Bình xét" — places and threshold unknown ❌; legal-verification.md claim 13 —
    /// a council's thresholds are set by its own regulation; NĐ 91/2017 Điều 45 khoản 8 verified).
    /// </summary>
    public const string DefaultBasis =
        "Mặc định theo nguyên tắc đa số (trên một nửa số đại biểu có mặt). Quy chế hoạt động của Khối chưa có bản chính thức, " +
        "chưa quy định số suất và ngưỡng phiếu; ngưỡng phiếu của Hội đồng Thi đua – Khen thưởng do quy chế của Hội đồng quy định " +
        "(Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8 chỉ quy định ngưỡng 90% cho Chiến sĩ thi đua cấp bộ, toàn quốc và Anh hùng).";

    /// <summary>Token alphabet without look-alikes (0/O, 1/I/L): 31 letters and digits, 12 of them ≈ 59 bits.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int TokenLength = 12;
    public const int MaxTokenInput = 64;

    public static string FormatToken(string t) => string.Join('-', t.Chunk(4).Select(c => new string(c)));

    /// <summary>The token as typed, without spaces and dashes, in upper case; null when it cannot be one.</summary>
    public static string? NormalizeToken(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxTokenInput) return null;
        var s = new string(typed.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return s.Length == TokenLength && s.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? s : null;
    }

    public static string HashToken(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    public static string AwardName(string code) => AwardRecord.Name(code);

    // ---------------------------------------------------------------- draft

    public async Task<VoteSession> CreateAsync(string user, SessionInput input, CancellationToken ct)
    {
        await CheckSessionInputAsync(input, ct);
        var s = new VoteSession { BlocId = input.BlocId, Year = input.Year, Title = input.Title.Trim(), MeetingDate = input.MeetingDate, Place = input.Place.Trim(), CountingBoard = Clean(input.CountingBoard), State = VoteState.Draft };
        db.VoteSessions.Add(s);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Tạo phiên bỏ phiếu", nameof(VoteSession), s.Id, $"trước: — → sau: {AuditText(s)}", code: Code(s));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return s;
    }

    /// <summary>Changes the session's heading while it is a draft; a stale <paramref name="version"/> throws <see cref="DbUpdateConcurrencyException"/>.</summary>
    public async Task UpdateAsync(string user, int id, int version, SessionInput input, CancellationToken ct)
    {
        var s = await DraftAsync(id, version, ct);
        if (s.BlocId != input.BlocId) throw new VoteException("Không đổi được khối của phiên bỏ phiếu.");
        await CheckSessionInputAsync(input, ct);
        var before = AuditText(s);
        s.Year = input.Year;
        s.Title = input.Title.Trim();
        s.MeetingDate = input.MeetingDate;
        s.Place = input.Place.Trim();
        s.CountingBoard = Clean(input.CountingBoard);
        db.Audit(user, "Sửa phiên bỏ phiếu", nameof(VoteSession), s.Id, $"trước: {before} → sau: {AuditText(s)}", code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds or replaces the question for one form of commendation, with its candidates in the order given.</summary>
    public async Task<VoteQuestion> SetQuestionAsync(string user, int sessionId, int version, QuestionInput input, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        if (!AwardCodes.Contains(input.AwardCode, StringComparer.Ordinal)) throw new VoteException("Hình thức đề nghị phải là Cờ thi đua của Chính phủ, Bằng khen của Thủ tướng Chính phủ hoặc Bằng khen cấp bộ, ban.");
        if (input.CandidateUnitIds.Count == 0) throw new VoteException("Hãy chọn ít nhất một đơn vị được giới thiệu (ghi số thứ tự bên cạnh đơn vị).");
        if (input.CandidateUnitIds.Count > MaxCandidates) throw new VoteException($"Danh sách giới thiệu tối đa {MaxCandidates} đơn vị.");
        if (input.CandidateUnitIds.Distinct().Count() != input.CandidateUnitIds.Count) throw new VoteException("Mỗi đơn vị chỉ được giới thiệu một lần trong một câu hỏi.");
        if (input.Places < 1 || input.Places > input.CandidateUnitIds.Count) throw new VoteException($"Số suất phải từ 1 đến số đơn vị được giới thiệu ({input.CandidateUnitIds.Count}).");
        if (input.QuorumPercent is < 0 or >= 100) throw new VoteException("Tỷ lệ đại biểu tối thiểu (túc số) phải từ 0 đến dưới 100 (%).");
        if (input.ThresholdPercent is < 0 or >= 100) throw new VoteException("Ngưỡng phiếu phải từ 0 đến dưới 100 (%).");
        if (string.IsNullOrWhiteSpace(input.LegalBasis) || input.LegalBasis.Length > 1000) throw new VoteException("Hãy ghi căn cứ của túc số và ngưỡng phiếu (tối đa 1.000 ký tự).");
        var members = await MemberUnitsAsync(s.BlocId, s.Year, ct);
        if (input.CandidateUnitIds.Any(u => !members.ContainsKey(u))) throw new VoteException($"Đơn vị được giới thiệu phải là thành viên của khối trong năm {s.Year}.");

        var q = await db.VoteQuestions.Include(x => x.Candidates).FirstOrDefaultAsync(x => x.SessionId == sessionId && x.AwardCode == input.AwardCode, ct);
        var before = q is null ? "—" : QuestionText(q, members);
        if (q is null)
        {
            q = new VoteQuestion { SessionId = sessionId, AwardCode = input.AwardCode, LegalBasis = "" };
            db.VoteQuestions.Add(q);
        }
        else db.VoteCandidates.RemoveRange(q.Candidates);
        q.Places = input.Places;
        q.QuorumPercent = input.QuorumPercent;
        q.ThresholdPercent = input.ThresholdPercent;
        q.ThresholdOf = input.ThresholdOf;
        q.LegalBasis = input.LegalBasis.Trim();
        q.Candidates = input.CandidateUnitIds.Select((u, i) => new VoteCandidate { UnitId = u, Order = i + 1 }).ToList();
        db.Audit(user, before == "—" ? "Thêm câu hỏi bỏ phiếu" : "Sửa câu hỏi bỏ phiếu", nameof(VoteSession), s.Id, $"trước: {before} → sau: {QuestionText(q, members)}", code: Code(s));
        await db.SaveChangesAsync(ct);
        return q;
    }

    public async Task<VoteDelegate> AddDelegateAsync(string user, int sessionId, int version, int unitId, string fullName, string? position, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > 200) throw new VoteException("Họ và tên đại biểu là bắt buộc, tối đa 200 ký tự.");
        if (position?.Trim().Length > 200) throw new VoteException("Chức vụ tối đa 200 ký tự.");
        var members = await MemberUnitsAsync(s.BlocId, s.Year, ct);
        if (!members.TryGetValue(unitId, out var unitName)) throw new VoteException($"Đơn vị của đại biểu phải là thành viên của khối trong năm {s.Year}.");
        if (await db.VoteDelegates.CountAsync(d => d.SessionId == sessionId, ct) >= MaxDelegates) throw new VoteException($"Một phiên có tối đa {MaxDelegates} đại biểu.");
        var d = new VoteDelegate { SessionId = sessionId, UnitId = unitId, FullName = fullName.Trim(), Position = Clean(position) };
        db.VoteDelegates.Add(d);
        db.Audit(user, "Thêm đại biểu bỏ phiếu", nameof(VoteSession), s.Id, $"trước: — → sau: {d.FullName} ({d.Position ?? "—"}), {unitName}", code: Code(s));
        await db.SaveChangesAsync(ct);
        return d;
    }

    /// <summary>Removes a delegate while the session is a draft (no token exists yet).</summary>
    public async Task RemoveDelegateAsync(string user, int sessionId, int version, int delegateId, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var d = await db.VoteDelegates.Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == delegateId && x.SessionId == sessionId, ct)
            ?? throw new VoteException("Không có đại biểu này trong phiên.");
        db.VoteDelegates.Remove(d);
        db.Audit(user, "Bỏ đại biểu bỏ phiếu", nameof(VoteSession), s.Id, $"trước: {d.FullName} ({d.Position ?? "—"}), {d.Unit?.Name} → sau: —", code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- open

    /// <summary>
    /// Opens the vote: a random token for every delegate, stored as a hash only; the tokens are returned once, for the
    /// secretariat to print on the delegates' slips.
    /// </summary>
    public async Task<IReadOnlyList<IssuedToken>> OpenAsync(string user, int sessionId, int version, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var questions = await db.VoteQuestions.Where(q => q.SessionId == sessionId).Select(q => new { q.AwardCode, q.Places, Count = q.Candidates.Count }).ToListAsync(ct);
        if (questions.Count == 0) throw new VoteException("Phiên chưa có câu hỏi nào: hãy thêm ít nhất một hình thức đề nghị với danh sách đơn vị được giới thiệu.");
        if (questions.FirstOrDefault(q => q.Count == 0 || q.Places > q.Count) is { } bad) throw new VoteException($"Câu hỏi {AwardName(bad.AwardCode)} có số suất lớn hơn số đơn vị được giới thiệu.");
        var delegates = await db.VoteDelegates.Include(d => d.Unit).Where(d => d.SessionId == sessionId).OrderBy(d => d.Unit!.Name).ThenBy(d => d.FullName).ToListAsync(ct);
        if (delegates.Count == 0) throw new VoteException("Phiên chưa có đại biểu nào.");
        var issued = new List<IssuedToken>();
        foreach (var d in delegates)
        {
            var token = RandomNumberGenerator.GetString(Alphabet, TokenLength);
            d.TokenHash = HashToken(token);
            d.Used = false;
            issued.Add(new IssuedToken(d.Id, d.FullName, d.Position, d.Unit!.Name, FormatToken(token)));
        }
        s.State = VoteState.Open;
        db.Audit(user, "Mở bỏ phiếu", nameof(VoteSession), s.Id, $"trước: {VoteSession.StateName(VoteState.Draft)} → sau: {VoteSession.StateName(VoteState.Open)}; phát {delegates.Count} phiếu", code: Code(s));
        await db.SaveChangesAsync(ct);
        return issued;
    }

    /// <summary>A new token for a delegate who lost theirs and has not voted; the old one stops working.</summary>
    public async Task<IssuedToken> ReissueAsync(string user, int sessionId, int delegateId, CancellationToken ct)
    {
        var s = await db.VoteSessions.FirstOrDefaultAsync(x => x.Id == sessionId, ct) ?? throw new VoteException("Không có phiên bỏ phiếu này.");
        if (s.State != VoteState.Open) throw new VoteException("Chỉ cấp lại mã phiếu khi phiên đang bỏ phiếu.");
        var d = await db.VoteDelegates.Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == delegateId && x.SessionId == sessionId, ct) ?? throw new VoteException("Không có đại biểu này trong phiên.");
        var token = RandomNumberGenerator.GetString(Alphabet, TokenLength);
        var changed = await db.VoteDelegates.Where(x => x.Id == d.Id && !x.Used).ExecuteUpdateAsync(x => x.SetProperty(p => p.TokenHash, HashToken(token)), ct);
        if (changed == 0) throw new VoteException($"{d.FullName} đã bỏ phiếu; không cấp lại mã.");
        db.Audit(user, "Cấp lại mã phiếu", nameof(VoteSession), s.Id, $"{d.FullName}, {d.Unit!.Name}: trước: mã cũ → sau: mã mới (mã cũ hết hiệu lực)", code: Code(s));
        await db.SaveChangesAsync(ct);
        return new IssuedToken(d.Id, d.FullName, d.Position, d.Unit.Name, FormatToken(token));
    }

    // ---------------------------------------------------------------- cast

    /// <summary>The ballot a token opens, or why it opens none.</summary>
    public async Task<(CastOutcome Outcome, BallotForm? Form)> BallotAsync(string? token, CancellationToken ct)
    {
        var norm = NormalizeToken(token);
        if (norm is null) return (CastOutcome.UnknownToken, null);
        var hash = HashToken(norm);
        var d = await db.VoteDelegates.AsNoTracking().Where(x => x.TokenHash == hash).Select(x => new { x.SessionId, x.Used }).FirstOrDefaultAsync(ct);
        if (d is null) return (CastOutcome.UnknownToken, null);
        var s = await db.VoteSessions.AsNoTracking().FirstAsync(x => x.Id == d.SessionId, ct);
        if (s.State != VoteState.Open) return (CastOutcome.NotOpen, null);
        if (d.Used) return (CastOutcome.AlreadyUsed, null);
        var qs = await db.VoteQuestions.AsNoTracking().Where(q => q.SessionId == s.Id)
            .Select(q => new { q.Id, q.AwardCode, q.Places, Candidates = q.Candidates.OrderBy(c => c.Order).Select(c => new { c.Id, c.Unit!.Name }).ToList() }).ToListAsync(ct);
        var ordered = qs.OrderBy(q => Array.IndexOf(AwardCodes, q.AwardCode))
            .Select(q => new BallotQuestion(q.Id, q.AwardCode, q.Places, q.Candidates.Select(c => (c.Id, c.Name)).ToList())).ToList();
        return (CastOutcome.Cast, new BallotForm(s.Id, s.Title, s.MeetingDate, s.Place, ordered));
    }

    /// <summary>
    /// Casts the ballot of <paramref name="token"/> with the candidates ticked. The token's row only flips its used
    /// flag; the ballot gets a random key and no link to the delegate, no time. More ticks than places in a question is
    /// refused (<see cref="VoteException"/>) so the delegate can correct it; a blank question is allowed.
    /// </summary>
    public async Task<CastOutcome> CastAsync(string? token, IReadOnlyCollection<int> candidateIds, CancellationToken ct) =>
        await CastOrSpoilAsync(token, candidateIds, spoiled: false, expectedSession: null, ct);

    /// <summary>Records the paper ballot of <paramref name="token"/> as spoiled (phiếu hỏng): the token is used, the ballot counts as cast and invalid.</summary>
    public async Task<CastOutcome> SpoilAsync(string user, int sessionId, string? token, CancellationToken ct)
    {
        var outcome = await CastOrSpoilAsync(token, [], spoiled: true, expectedSession: sessionId, ct);
        if (outcome == CastOutcome.Cast)
        {
            var s = await db.VoteSessions.AsNoTracking().FirstAsync(x => x.Id == sessionId, ct);
            // No delegate, no ballot id: only that one more paper ballot was found spoiled.
            db.Audit(user, "Ghi phiếu hỏng", nameof(VoteSession), sessionId, "trước: — → sau: thêm 1 phiếu giấy không hợp lệ (phiếu hỏng)", code: Code(s));
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    private async Task<CastOutcome> CastOrSpoilAsync(string? token, IReadOnlyCollection<int> candidateIds, bool spoiled, int? expectedSession, CancellationToken ct)
    {
        var norm = NormalizeToken(token);
        if (norm is null) return CastOutcome.UnknownToken;
        var hash = HashToken(norm);
        var d = await db.VoteDelegates.AsNoTracking().Where(x => x.TokenHash == hash).Select(x => new { x.Id, x.SessionId }).FirstOrDefaultAsync(ct);
        if (d is null || expectedSession is { } e && e != d.SessionId) return CastOutcome.UnknownToken;
        var chosen = candidateIds.Distinct().ToList();
        var questions = await db.VoteQuestions.AsNoTracking().Where(q => q.SessionId == d.SessionId)
            .Select(q => new { q.AwardCode, q.Places, Ids = q.Candidates.Select(c => c.Id).ToList() }).ToListAsync(ct);
        if (chosen.Any(c => !questions.Any(q => q.Ids.Contains(c)))) throw new VoteException("Phiếu có lựa chọn không thuộc danh sách giới thiệu của phiên này.");
        foreach (var q in questions)
        {
            var n = chosen.Count(q.Ids.Contains);
            if (n > q.Places) throw new VoteException($"{AwardName(q.AwardCode)}: chỉ được chọn tối đa {q.Places} đơn vị, phiếu đang chọn {n}. Hãy bỏ bớt rồi gửi lại.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locks the session row while it is open, so closing waits for this ballot (and a ballot after closing finds it closed).
        var open = await db.VoteSessions.Where(s => s.Id == d.SessionId && s.State == VoteState.Open).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, x => x.State), ct);
        if (open == 0) return CastOutcome.NotOpen;
        var flipped = await db.VoteDelegates.Where(x => x.Id == d.Id && x.TokenHash == hash && !x.Used).ExecuteUpdateAsync(x => x.SetProperty(p => p.Used, true), ct);
        if (flipped == 0) return CastOutcome.AlreadyUsed;
        db.Ballots.Add(new Ballot
        {
            Id = Guid.NewGuid(), SessionId = d.SessionId, Spoiled = spoiled,
            Marks = chosen.Select(c => new BallotMark { Id = Guid.NewGuid(), CandidateId = c }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return CastOutcome.Cast;
    }

    // ---------------------------------------------------------------- close

    /// <summary>
    /// Closes the vote: no ballot is accepted after this. In one transaction the session's ballots are deleted and
    /// written again in a random order with new random keys (so neither the physical order nor PostgreSQL's xmin tells
    /// the order of casting), every delegate's token is dropped in one statement, the count is made, and each elected
    /// candidate becomes a proposal (AwardRecord, Status Proposed).
    /// </summary>
    public async Task<SessionTally> CloseAsync(string user, int sessionId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.VoteSessions.Where(s => s.Id == sessionId && s.State == VoteState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, VoteState.Closed).SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (closed == 0) throw new VoteException("Chỉ kết thúc được phiên đang bỏ phiếu.");
        var s = await db.VoteSessions.AsNoTracking().Include(x => x.Bloc).FirstAsync(x => x.Id == sessionId, ct);

        var ballots = await db.Ballots.AsNoTracking().Where(b => b.SessionId == sessionId).Select(b => new { b.Spoiled, Marks = b.Marks.Select(m => m.CandidateId).ToList() }).ToListAsync(ct);
        await db.BallotMarks.Where(m => db.Ballots.Any(b => b.Id == m.BallotId && b.SessionId == sessionId)).ExecuteDeleteAsync(ct);
        await db.Ballots.Where(b => b.SessionId == sessionId).ExecuteDeleteAsync(ct);
        var shuffled = ballots.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        foreach (var b in shuffled)
        {
            var marks = b.Marks.ToArray();
            RandomNumberGenerator.Shuffle(marks.AsSpan());
            db.Ballots.Add(new Ballot { Id = Guid.NewGuid(), SessionId = sessionId, Spoiled = b.Spoiled, Marks = marks.Select(c => new BallotMark { Id = Guid.NewGuid(), CandidateId = c }).ToList() });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await db.VoteDelegates.Where(d => d.SessionId == sessionId).ExecuteUpdateAsync(d => d.SetProperty(x => x.TokenHash, (string?)null), ct);

        var tally = await TallyAsync(sessionId, ct);
        var proposals = new List<(AwardRecord Award, int QuestionId)>();
        foreach (var q in tally.Questions)
        {
            foreach (var c in q.Elected)
            {
                var award = new AwardRecord
                {
                    UnitId = c.UnitId, Year = s.Year, Code = q.AwardCode, Status = AwardStatus.Proposed,
                    Authority = Cut($"Hội nghị tổng kết {s.Bloc!.Name} đề nghị {(q.AwardCode == "BK_BO" ? "Khối trưởng" : "Thủ tướng Chính phủ")}", 300),
                    DecisionDate = s.MeetingDate,
                    Note = Cut($"Theo kết quả bỏ phiếu kín, phiên bỏ phiếu số {s.Id} \"{s.Title}\" ({s.Place}, {VnFormat.Date(s.MeetingDate)}): {c.Votes}/{tally.Cast} phiếu.", 1000),
                };
                db.Awards.Add(award);
                proposals.Add((award, q.QuestionId));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (award, questionId) in proposals)
        {
            db.VoteProposals.Add(new VoteProposal { SessionId = sessionId, QuestionId = questionId, AwardId = award.Id });
            db.Audit(user, "Đề nghị khen thưởng theo kết quả bỏ phiếu", nameof(AwardRecord), award.Id, $"trước: — → sau: {award.AuditText()}; trạng thái: {AwardRecord.StatusName(award.Status)}", code: award.Code);
        }
        var summary = string.Join("; ", tally.Questions.Select(q => $"{q.AwardCode}: {(q.Elected.Any() ? string.Join(", ", q.Elected.Select(c => c.Unit)) : "không đơn vị nào trúng")}"));
        db.Audit(user, "Kết thúc bỏ phiếu", nameof(VoteSession), sessionId,
            $"trước: {VoteSession.StateName(VoteState.Open)} → sau: {VoteSession.StateName(VoteState.Closed)}; phát {tally.Issued}, thu {tally.Cast} phiếu; {summary}", code: Code(s));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return tally;
    }

    // ---------------------------------------------------------------- count

    public async Task<SessionTally> TallyAsync(int sessionId, CancellationToken ct)
    {
        var issued = await db.VoteDelegates.CountAsync(d => d.SessionId == sessionId, ct);
        var qs = await db.VoteQuestions.AsNoTracking().Where(q => q.SessionId == sessionId)
            .Select(q => new { q.Id, q.AwardCode, q.Places, q.QuorumPercent, q.ThresholdPercent, q.ThresholdOf, q.LegalBasis, Candidates = q.Candidates.Select(c => new { c.Id, c.UnitId, c.Unit!.Name, c.Order }).ToList() })
            .ToListAsync(ct);
        var inputs = qs.OrderBy(q => Array.IndexOf(AwardCodes, q.AwardCode))
            .Select(q => new TallyQuestionInput(q.Id, q.AwardCode, q.Places, q.QuorumPercent, q.ThresholdPercent, q.ThresholdOf, q.LegalBasis,
                q.Candidates.Select(c => (c.Id, c.UnitId, c.Name, c.Order)).ToList())).ToList();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.SessionId == sessionId)
            .Select(b => new { b.Spoiled, Marks = b.Marks.Select(m => m.CandidateId).ToList() }).ToListAsync(ct);
        return VoteCounter.Count(issued, inputs, ballots.Select(b => new TallyBallotInput(b.Spoiled, b.Marks)).ToList());
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Member agencies of the bloc in the year: unit id → name, in name order.</summary>
    public async Task<Dictionary<int, string>> MemberUnitsAsync(int blocId, int year, CancellationToken ct) =>
        await db.BlocMemberships.AsNoTracking().Where(m => m.BlocId == blocId && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year))
            .Select(m => new { m.UnitId, m.Unit!.Name }).Distinct().ToDictionaryAsync(m => m.UnitId, m => m.Name, ct);

    /// <summary>The draft session, with its version checked at save: any change to the draft bumps it.</summary>
    private async Task<VoteSession> DraftAsync(int id, int version, CancellationToken ct)
    {
        var s = await db.VoteSessions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new VoteException("Không có phiên bỏ phiếu này.");
        if (s.State != VoteState.Draft) throw new VoteException($"Phiên đang ở trạng thái \"{VoteSession.StateName(s.State)}\": chỉ sửa được khi còn là dự thảo.");
        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        db.Entry(s).State = EntityState.Modified;
        return s;
    }

    private async Task CheckSessionInputAsync(SessionInput input, CancellationToken ct)
    {
        if (input.Year is < FirstYear or > LastYear) throw new VoteException($"Năm bình xét phải từ {FirstYear} đến {LastYear}.");
        if (input.MeetingDate.Year is < FirstYear or > LastYear + 1) throw new VoteException($"Ngày hội nghị phải trong các năm {FirstYear}–{LastYear + 1}.");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 300) throw new VoteException("Tên phiên bỏ phiếu là bắt buộc, tối đa 300 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Trim().Length > 200) throw new VoteException("Địa điểm là bắt buộc, tối đa 200 ký tự.");
        if (input.CountingBoard?.Length > 1000) throw new VoteException("Ban kiểm phiếu tối đa 1.000 ký tự.");
        if (!await db.Blocs.AnyAsync(b => b.Id == input.BlocId, ct)) throw new VoteException("Hãy chọn khối thi đua.");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
    private static string Code(VoteSession s) => FormattableString.Invariant($"VOTE-{s.Year}-{s.Id}");

    private static string AuditText(VoteSession s) =>
        $"{s.Title}; năm {s.Year}; ngày {VnFormat.Date(s.MeetingDate)}; tại {s.Place}; ban kiểm phiếu: {(s.CountingBoard ?? "—").Replace('\n', ',').Replace("\r", "", StringComparison.Ordinal)}";

    private static string QuestionText(VoteQuestion q, IReadOnlyDictionary<int, string> units) =>
        $"{AwardName(q.AwardCode)} ({q.AwardCode}); {q.Places} suất; túc số trên {q.QuorumPercent.ToString("0.##", CultureInfo.InvariantCulture)}%; " +
        $"ngưỡng trên {q.ThresholdPercent.ToString("0.##", CultureInfo.InvariantCulture)}% {(q.ThresholdOf == ThresholdBase.Present ? "số đại biểu có mặt" : "số phiếu hợp lệ")}; " +
        $"giới thiệu: {string.Join(", ", q.Candidates.OrderBy(c => c.Order).Select(c => units.TryGetValue(c.UnitId, out var n) ? n : c.UnitId.ToString(CultureInfo.InvariantCulture)))}; căn cứ: {q.LegalBasis}";
}
