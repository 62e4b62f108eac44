using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Nominations;
using ThiDua.Features.Notifications;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>A refusal the user can act on, in Vietnamese.</summary>
public sealed class CouncilException(string message) : Exception(message);

public sealed record CouncilInput(string Name, string? DecisionNumber, DateOnly? DecisionDate, string? DecisionText, int QuorumNumerator, int QuorumDenominator, string QuorumSource);
public sealed record MemberInput(string Email, string FullName, string? Position, CouncilRole Role, DateOnly ActiveFrom, DateOnly? ActiveTo);

/// <summary>One agenda item's result, with the recusals and the reasons (never a name next to a choice).</summary>
public sealed record ItemResult(int ItemId, int NominationId, string Code, string Subject, string Agency, NominationState State, ItemCount? Count,
    IReadOnlyList<(string Member, string Reason)> Recusals, IReadOnlyList<(CouncilChoice Choice, string Reason)> Reasons);

/// <summary>
/// The council's rules: councils, members, thresholds, sessions Draft → Open → Closed, agenda, attendance, recusal,
/// secret ballots stored apart from who voted, the count and the dossiers' moves. Used by the pages and by <see cref="CouncilsDemo"/>.
/// </summary>
public sealed class CouncilService(AppDbContext db)
{
    public const int MaxText = 1000, MaxName = 300, MaxPlace = 200, MaxMembers = 100, MaxAgenda = 200;
    public const string ClosedComplete = "complete", ClosedDeadline = "deadline";

    // ---------------------------------------------------------------- councils

    public async Task<Council> CreateCouncilAsync(string user, int? agencyId, int? blocId, CouncilInput input, DateTime nowUtc, CancellationToken ct)
    {
        if ((agencyId is null) == (blocId is null)) throw new CouncilException("Hội đồng thuộc một cơ quan hoặc thuộc khối, không cả hai.");
        if (agencyId is { } a && !await db.Units.AnyAsync(u => u.Id == a, ct)) throw new CouncilException("Không có cơ quan này.");
        if (blocId is { } b && !await db.Blocs.AnyAsync(x => x.Id == b, ct)) throw new CouncilException("Không có khối thi đua này.");
        if (await db.Councils.AnyAsync(c => (agencyId != null && c.AgencyId == agencyId) || (blocId != null && c.BlocId == blocId), ct))
            throw new CouncilException(agencyId is null ? "Khối đã có Hội đồng Thi đua – Khen thưởng." : "Cơ quan đã có Hội đồng Thi đua – Khen thưởng.");
        Check(input);
        var c = new Council { AgencyId = agencyId, BlocId = blocId, Name = "", QuorumSource = "" };
        Apply(c, input);
        c.Thresholds = CouncilRules.Defaults().ToList();
        db.Councils.Add(c);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Thành lập Hội đồng TĐKT", nameof(Council), c.Id, $"trước: — → sau: {AuditText(c)}", nowUtc);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Edits the council's heading and quorum; a stale version throws <see cref="DbUpdateConcurrencyException"/>.</summary>
    public async Task UpdateCouncilAsync(string user, int id, int version, CouncilInput input, DateTime nowUtc, CancellationToken ct)
    {
        Check(input);
        var c = await db.Councils.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new CouncilException("Không có Hội đồng này.");
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var before = AuditText(c);
        Apply(c, input);
        db.Audit(user, "Sửa Hội đồng TĐKT", nameof(Council), c.Id, $"trước: {before} → sau: {AuditText(c)}", nowUtc);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetThresholdAsync(string user, int councilId, string code, decimal percent, bool moreThan, string source, DateTime nowUtc, CancellationToken ct)
    {
        code = (code ?? "").Trim();
        if (code.Length is 0 or > 20 || !(code == CouncilThreshold.AnyCode || code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')))
            throw new CouncilException("Mã hình thức/danh hiệu: chữ, số, dấu gạch dưới, tối đa 20 ký tự (\"*\" cho các hình thức khác).");
        if (percent is <= 0 or > 100) throw new CouncilException("Ngưỡng đồng ý phải lớn hơn 0 và không quá 100 (%).");
        if (decimal.Round(percent, 2) != percent) throw new CouncilException("Ngưỡng đồng ý: tối đa 2 chữ số thập phân.");
        if (string.IsNullOrWhiteSpace(source) || source.Trim().Length > 500) throw new CouncilException("Hãy ghi căn cứ của ngưỡng (tối đa 500 ký tự).");
        var c = await db.Councils.Include(x => x.Thresholds).FirstOrDefaultAsync(x => x.Id == councilId, ct) ?? throw new CouncilException("Không có Hội đồng này.");
        var t = c.Thresholds.FirstOrDefault(x => x.Code == code);
        var before = t is null ? "—" : ThresholdText(t);
        if (t is null) c.Thresholds.Add(t = new CouncilThreshold { Code = code, Source = "" });
        t.Percent = percent;
        t.MoreThan = moreThan;
        t.Source = source.Trim();
        c.Version++;
        db.Audit(user, "Đặt ngưỡng biểu quyết của Hội đồng", nameof(Council), c.Id, $"trước: {before} → sau: {ThresholdText(t)}", nowUtc);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CouncilMember> AddMemberAsync(string user, int councilId, MemberInput input, DateTime nowUtc, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.FullName) || input.FullName.Trim().Length > 200) throw new CouncilException("Họ và tên thành viên là bắt buộc, tối đa 200 ký tự.");
        if (input.Position?.Trim().Length > 200) throw new CouncilException("Chức vụ tối đa 200 ký tự.");
        if (input.ActiveFrom.Year is < 2000 or > 2100 || input.ActiveTo is { Year: < 2000 or > 2100 }) throw new CouncilException("Thời gian tham gia phải trong các năm 2000–2100.");
        if (input.ActiveTo is { } to && to < input.ActiveFrom) throw new CouncilException("Ngày kết thúc phải sau ngày bắt đầu tham gia.");
        var email = (input.Email ?? "").Trim();
        if (email.Length is 0 or > 256) throw new CouncilException("Hãy ghi thư điện tử của tài khoản thành viên.");
        var normalized = email.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct)
            ?? throw new CouncilException($"Không có tài khoản với thư điện tử \"{email}\".");
        var c = await db.Councils.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == councilId, ct) ?? throw new CouncilException("Không có Hội đồng này.");
        if (c.Members.Count >= MaxMembers) throw new CouncilException($"Một Hội đồng có tối đa {MaxMembers} thành viên.");
        if (c.Members.Any(m => m.UserId == account.Id && (m.ActiveTo is null || m.ActiveTo >= input.ActiveFrom) && (input.ActiveTo is null || m.ActiveFrom <= input.ActiveTo)))
            throw new CouncilException("Tài khoản này đã là thành viên Hội đồng trong thời gian đó.");
        var m = new CouncilMember { UserId = account.Id, FullName = input.FullName.Trim(), Position = Clean(input.Position), Role = input.Role, ActiveFrom = input.ActiveFrom, ActiveTo = input.ActiveTo };
        c.Members.Add(m);
        c.Version++;
        // A draft session on a date the member is active: they are on its attendance list.
        var drafts = await db.CouncilSessions.Where(s => s.CouncilId == councilId && s.State == CouncilSessionState.Draft).ToListAsync(ct);
        foreach (var s in drafts.Where(s => m.ActiveOn(s.MeetingDate))) s.Attendance.Add(new CouncilAttendance { Member = m, Present = true });
        db.Audit(user, "Thêm thành viên Hội đồng TĐKT", nameof(Council), c.Id, $"trước: — → sau: {MemberText(m)} ({account.Email})", nowUtc);
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>Ends a membership (the member leaves the council) on <paramref name="until"/>.</summary>
    public async Task EndMemberAsync(string user, int councilId, int memberId, DateOnly until, DateTime nowUtc, CancellationToken ct)
    {
        var m = await db.CouncilMembers.FirstOrDefaultAsync(x => x.Id == memberId && x.CouncilId == councilId, ct) ?? throw new CouncilException("Không có thành viên này trong Hội đồng.");
        if (until < m.ActiveFrom || until.Year > 2100) throw new CouncilException("Ngày thôi tham gia phải sau ngày bắt đầu tham gia.");
        var before = MemberText(m);
        m.ActiveTo = until;
        db.Audit(user, "Thôi thành viên Hội đồng TĐKT", nameof(Council), councilId, $"trước: {before} → sau: {MemberText(m)}", nowUtc);
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- sessions

    public async Task<CouncilSession> CreateSessionAsync(string user, int councilId, DateOnly date, string place, DateTime deadlineVietnam, DateTime nowUtc, CancellationToken ct)
    {
        if (date.Year is < 2000 or > 2100) throw new CouncilException("Ngày họp phải trong các năm 2000–2100.");
        if (string.IsNullOrWhiteSpace(place) || place.Trim().Length > MaxPlace) throw new CouncilException($"Địa điểm là bắt buộc, tối đa {MaxPlace} ký tự.");
        if (deadlineVietnam.Year is < 2000 or > 2100) throw new CouncilException("Hạn bỏ phiếu phải trong các năm 2000–2100.");
        if (DateOnly.FromDateTime(deadlineVietnam) < date) throw new CouncilException("Hạn bỏ phiếu không được trước ngày họp.");
        var c = await db.Councils.Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == councilId, ct) ?? throw new CouncilException("Không có Hội đồng này.");
        var active = c.Members.Where(m => m.ActiveOn(date)).ToList();
        if (active.Count == 0) throw new CouncilException($"Hội đồng chưa có thành viên nào trong ngày {VnFormat.Date(date)}: hãy thêm thành viên trước.");
        var s = new CouncilSession
        {
            CouncilId = councilId, MeetingDate = date, Place = place.Trim(), State = CouncilSessionState.Draft,
            VoteDeadlineUtc = DateTime.SpecifyKind(deadlineVietnam - VnFormat.VietnamOffset, DateTimeKind.Utc),
            Attendance = active.Select(m => new CouncilAttendance { MemberId = m.Id, Present = true }).ToList(),
        };
        db.CouncilSessions.Add(s);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Tạo phiên họp Hội đồng TĐKT", nameof(CouncilSession), s.Id, $"trước: — → sau: {SessionText(s)}", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// <summary>
    /// Corrects what the secretariat typed when creating a session. While a draft: date, place and deadline (a new
    /// date re-takes the attendance snapshot of the members active on it, keeping the marks of those who stay). While
    /// open: only what cannot change a ballot already cast — the place, and the deadline moved later, never earlier
    /// nor into the past (members plan on it and closing "at the deadline" reads it). A closed session is the record
    /// of a vote and is never edited. The version seen is checked; the audit row says before → after.
    /// </summary>
    public async Task EditSessionAsync(string user, int sessionId, int version, DateOnly date, string place, DateTime deadlineVietnam, DateTime nowUtc, CancellationToken ct)
    {
        if (date.Year is < 2000 or > 2100) throw new CouncilException("Ngày họp phải trong các năm 2000–2100.");
        if (string.IsNullOrWhiteSpace(place) || place.Trim().Length > MaxPlace) throw new CouncilException($"Địa điểm là bắt buộc, tối đa {MaxPlace} ký tự.");
        if (deadlineVietnam.Year is < 2000 or > 2100) throw new CouncilException("Hạn bỏ phiếu phải trong các năm 2000–2100.");
        if (DateOnly.FromDateTime(deadlineVietnam) < date) throw new CouncilException("Hạn bỏ phiếu không được trước ngày họp.");
        var s = await db.CouncilSessions.Include(x => x.Attendance).ThenInclude(a => a.Member).FirstOrDefaultAsync(x => x.Id == sessionId, ct)
            ?? throw new CouncilException("Không có phiên họp này.");
        if (s.State == CouncilSessionState.Closed) throw new CouncilException("Phiên họp đã kết thúc: không sửa được ngày họp, địa điểm hay hạn bỏ phiếu.");
        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        if (s.Version != version) throw new DbUpdateConcurrencyException("stale session version");
        var deadlineUtc = DateTime.SpecifyKind(deadlineVietnam - VnFormat.VietnamOffset, DateTimeKind.Utc);
        if (deadlineUtc != s.VoteDeadlineUtc && deadlineUtc <= nowUtc) throw new CouncilException("Hạn bỏ phiếu mới phải sau thời điểm hiện tại.");
        if (s.State == CouncilSessionState.Open)
        {
            if (date != s.MeetingDate) throw new CouncilException("Ngày họp: không sửa được khi đang bỏ phiếu (danh sách thành viên đã chốt theo ngày họp).");
            if (deadlineUtc < s.VoteDeadlineUtc) throw new CouncilException($"Hạn bỏ phiếu: khi đang bỏ phiếu chỉ được gia hạn, không được sớm hơn hạn hiện tại ({VnFormat.DateTime(s.VoteDeadlineUtc)}).");
        }
        var before = SessionText(s);
        if (date != s.MeetingDate)
        {
            // The attendance is the snapshot of the members active on the meeting date: a new date takes a new snapshot.
            var members = await db.CouncilMembers.Where(m => m.CouncilId == s.CouncilId).ToListAsync(ct);
            var active = members.Where(m => m.ActiveOn(date)).ToList();
            if (active.Count == 0) throw new CouncilException($"Ngày họp: Hội đồng không có thành viên nào trong ngày {VnFormat.Date(date)}.");
            foreach (var gone in s.Attendance.Where(a => !active.Any(m => m.Id == a.MemberId)).ToList())
            {
                s.Attendance.Remove(gone);
                db.CouncilAttendances.Remove(gone);
            }
            foreach (var m in active.Where(m => s.Attendance.All(a => a.MemberId != m.Id))) s.Attendance.Add(new CouncilAttendance { Member = m, Present = true });
        }
        s.MeetingDate = date;
        s.Place = place.Trim();
        s.VoteDeadlineUtc = deadlineUtc;
        var after = SessionText(s);
        if (string.Equals(before, after, StringComparison.Ordinal)) return;
        db.Audit(user, "Sửa phiên họp Hội đồng TĐKT", nameof(CouncilSession), s.Id, $"trước: {before} → sau: {after}", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks who is present (the others absent) while the session is a draft.</summary>
    public async Task SetAttendanceAsync(string user, int sessionId, int version, IReadOnlyCollection<int> presentMemberIds, DateTime nowUtc, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var rows = await db.CouncilAttendances.Include(a => a.Member).Where(a => a.SessionId == sessionId).ToListAsync(ct);
        if (presentMemberIds.Any(id => rows.All(r => r.MemberId != id))) throw new CouncilException("Thành viên có mặt phải thuộc danh sách thành viên của phiên họp.");
        var before = AttendanceText(rows);
        foreach (var r in rows) r.Present = presentMemberIds.Contains(r.MemberId);
        s.Version++;
        db.Audit(user, "Điểm danh phiên họp Hội đồng TĐKT", nameof(CouncilSession), s.Id, $"trước: {before} → sau: {AttendanceText(rows)}", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Dossiers in ReadyForCouncil of the council's scope that are not on another session's (not closed) agenda.</summary>
    public async Task<List<Nomination>> EligibleAsync(int councilId, CancellationToken ct)
    {
        var c = await db.Councils.AsNoTracking().FirstAsync(x => x.Id == councilId, ct);
        var q = db.Nominations.AsNoTracking().Include(n => n.Person).Include(n => n.Unit).Include(n => n.Agency)
            .Where(n => n.State == NominationState.ReadyForCouncil)
            .Where(n => !db.CouncilAgendaItems.Any(i => i.NominationId == n.Id && i.Session!.State != CouncilSessionState.Closed));
        q = c.BlocId is { } b ? q.Where(n => n.Level == NominationLevel.Bloc && n.BlocId == b) : q.Where(n => n.Level == NominationLevel.Agency && n.AgencyId == c.AgencyId);
        return await q.OrderBy(n => n.Code).ThenBy(n => n.Id).Take(500).ToListAsync(ct);
    }

    public async Task<int> AddAgendaAsync(string user, int sessionId, int version, IReadOnlyCollection<int> nominationIds, DateTime nowUtc, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var ids = nominationIds.Distinct().ToList();
        if (ids.Count == 0) throw new CouncilException("Hãy chọn ít nhất một hồ sơ.");
        var existing = await db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => new { i.NominationId, i.Order }).ToListAsync(ct);
        if (existing.Count + ids.Count > MaxAgenda) throw new CouncilException($"Một phiên họp có tối đa {MaxAgenda} hồ sơ.");
        var eligible = (await EligibleAsync(s.CouncilId, ct)).ToDictionary(n => n.Id);
        var bad = ids.Where(id => !eligible.ContainsKey(id)).ToList();
        if (bad.Count > 0) throw new CouncilException($"{bad.Count} hồ sơ không thể đưa vào chương trình: không ở trạng thái \"Chờ Hội đồng xét\", không thuộc phạm vi của Hội đồng, hoặc đang ở chương trình của một phiên họp khác.");
        var order = existing.Count == 0 ? 0 : existing.Max(e => e.Order);
        foreach (var id in ids) db.CouncilAgendaItems.Add(new CouncilAgendaItem { SessionId = sessionId, NominationId = id, Order = ++order });
        s.Version++;
        db.Audit(user, "Đưa hồ sơ vào chương trình phiên họp", nameof(CouncilSession), s.Id,
            $"trước: {existing.Count} hồ sơ → sau: {existing.Count + ids.Count} hồ sơ; thêm: {string.Join(", ", ids.Select(id => DossierLabel(eligible[id])))}", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    public async Task RemoveAgendaItemAsync(string user, int sessionId, int version, int itemId, DateTime nowUtc, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var item = await db.CouncilAgendaItems.Include(i => i.Nomination).FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == sessionId, ct) ?? throw new CouncilException("Không có hồ sơ này trong chương trình.");
        db.CouncilAgendaItems.Remove(item);
        s.Version++;
        db.Audit(user, "Bỏ hồ sơ khỏi chương trình phiên họp", nameof(CouncilSession), s.Id, $"trước: {DossierLabel(item.Nomination!)} → sau: —", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens the ballot: quorum of members present, an agenda; every member is notified with the ballot page.</summary>
    public async Task OpenAsync(string user, int sessionId, int version, DateTime nowUtc, CancellationToken ct)
    {
        var s = await DraftAsync(sessionId, version, ct);
        var c = await db.Councils.AsNoTracking().FirstAsync(x => x.Id == s.CouncilId, ct);
        var rows = await db.CouncilAttendances.AsNoTracking().Include(a => a.Member).Where(a => a.SessionId == sessionId).ToListAsync(ct);
        var items = await db.CouncilAgendaItems.CountAsync(i => i.SessionId == sessionId, ct);
        if (items == 0) throw new CouncilException("Chương trình phiên họp chưa có hồ sơ nào.");
        var present = rows.Count(r => r.Present);
        if (!CouncilRules.QuorumMet(present, rows.Count, c.QuorumNumerator, c.QuorumDenominator))
            throw new CouncilException($"Không đủ túc số: có mặt {present}/{rows.Count} thành viên, cần ít nhất {CouncilRules.QuorumNeeded(rows.Count, c.QuorumNumerator, c.QuorumDenominator)} ({c.QuorumNumerator}/{c.QuorumDenominator} tổng số thành viên).");
        if (s.VoteDeadlineUtc <= nowUtc) throw new CouncilException("Hạn bỏ phiếu đã qua: hãy sửa hạn bỏ phiếu trước khi mở.");
        s.State = CouncilSessionState.Open;
        s.OpenedUtc = nowUtc;
        Notify.Users(db, rows.Select(r => r.Member!.UserId).Distinct(), NotificationKind.BallotToCast,
            $"{c.Name}: phiên họp ngày {VnFormat.Date(s.MeetingDate)} mở bỏ phiếu ({items} hồ sơ), hạn {VnFormat.DateTime(s.VoteDeadlineUtc)}.",
            FormattableString.Invariant($"/Councils/Ballot/{s.Id}"), nowUtc, FormattableString.Invariant($"council-ballot-{s.Id}"));
        db.Audit(user, "Mở bỏ phiếu phiên họp Hội đồng TĐKT", nameof(CouncilSession), s.Id,
            $"trước: {CouncilRules.StateName(CouncilSessionState.Draft)} → sau: {CouncilRules.StateName(CouncilSessionState.Open)}; có mặt {present}/{rows.Count}; {items} hồ sơ", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
    }

    // ---------------------------------------------------------------- voting

    /// <summary>The member record of <paramref name="userId"/> in the session (active on its date), or null.</summary>
    public async Task<CouncilAttendance?> AttendanceOfAsync(int sessionId, string userId, CancellationToken ct) =>
        await db.CouncilAttendances.AsNoTracking().Include(a => a.Member).FirstOrDefaultAsync(a => a.SessionId == sessionId && a.Member!.UserId == userId, ct);

    /// <summary>A member declares a conflict of interest on an item before voting on it: they will not vote on it.</summary>
    public async Task DeclareRecusalAsync(string userName, string userId, int sessionId, int itemId, string reason, DateTime nowUtc, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxText) throw new CouncilException($"Hãy ghi lý do xung đột lợi ích (tối đa {VnFormat.Number(MaxText)} ký tự).");
        var (s, item, att) = await VotableAsync(userId, sessionId, itemId, ct);
        if (await db.CouncilRecusals.AnyAsync(r => r.ItemId == itemId && r.MemberId == att.MemberId, ct)) throw new CouncilException("Đồng chí đã khai xung đột lợi ích với hồ sơ này.");
        if (await db.CouncilParticipations.AnyAsync(p => p.ItemId == itemId && p.MemberId == att.MemberId, ct)) throw new CouncilException("Đồng chí đã bỏ phiếu hồ sơ này: không khai xung đột lợi ích sau khi bỏ phiếu.");
        db.CouncilRecusals.Add(new CouncilRecusal { ItemId = itemId, MemberId = att.MemberId, Reason = reason.Trim() });
        db.Audit(userName, "Khai xung đột lợi ích", nameof(CouncilSession), s.Id, $"trước: — → sau: {att.Member!.FullName} không biểu quyết hồ sơ {DossierLabel(item.Nomination!)}; lý do: {reason.Trim()}", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
        await CloseIfCompleteAsync(userName, sessionId, nowUtc, ct);
    }

    /// <summary>A present member casts their secret ballot on one item (signed in). Returns true when this closed the session.</summary>
    public async Task<bool> CastAsync(string userName, string userId, int sessionId, int itemId, CouncilChoice choice, string? reason, DateTime nowUtc, CancellationToken ct)
    {
        CheckChoice(choice, reason);
        var (_, _, att) = await VotableAsync(userId, sessionId, itemId, ct);
        if (!att.Present) throw new CouncilException("Đồng chí được ghi vắng mặt: phiếu bằng văn bản do thường trực Hội đồng nhập.");
        await StoreAsync(sessionId, itemId, att.MemberId, choice, reason, written: false, reference: null, ct);
        return await CloseIfCompleteAsync(userName, sessionId, nowUtc, ct);
    }

    /// <summary>The secretariat enters the written ballot (phiếu bằng văn bản) of an absent member.</summary>
    public async Task<bool> CastWrittenAsync(string user, int sessionId, int itemId, int memberId, CouncilChoice choice, string? reason, string reference, DateTime nowUtc, CancellationToken ct)
    {
        CheckChoice(choice, reason);
        if (string.IsNullOrWhiteSpace(reference) || reference.Trim().Length > 300) throw new CouncilException("Hãy ghi số, ngày của phiếu bằng văn bản (tối đa 300 ký tự).");
        var s = await db.CouncilSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct) ?? throw new CouncilException("Không có phiên họp này.");
        if (s.State != CouncilSessionState.Open) throw new CouncilException("Phiên họp không ở trạng thái đang bỏ phiếu.");
        if (!await db.CouncilAgendaItems.AnyAsync(i => i.Id == itemId && i.SessionId == sessionId, ct)) throw new CouncilException("Không có hồ sơ này trong chương trình phiên họp.");
        var att = await db.CouncilAttendances.AsNoTracking().Include(a => a.Member).FirstOrDefaultAsync(a => a.SessionId == sessionId && a.MemberId == memberId, ct)
            ?? throw new CouncilException("Không có thành viên này trong phiên họp.");
        if (att.Present) throw new CouncilException($"{att.Member!.FullName} có mặt tại phiên họp: tự bỏ phiếu kín trên trang bỏ phiếu.");
        if (await db.CouncilRecusals.AnyAsync(r => r.ItemId == itemId && r.MemberId == memberId, ct)) throw new CouncilException($"{att.Member!.FullName} đã khai xung đột lợi ích với hồ sơ này: không biểu quyết.");
        await StoreAsync(sessionId, itemId, memberId, choice, reason, written: true, reference: reference.Trim(), ct);
        // Who sent a written ballot is public (the minutes list it); the choice is not recorded with it.
        db.Audit(user, "Nhập phiếu bằng văn bản", nameof(CouncilSession), sessionId, $"trước: — → sau: {att.Member!.FullName} đã gửi phiếu bằng văn bản ({reference.Trim()})", nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
        return await CloseIfCompleteAsync(user, sessionId, nowUtc, ct);
    }

    private async Task StoreAsync(int sessionId, int itemId, int memberId, CouncilChoice choice, string? reason, bool written, string? reference, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locks the session row while open, so closing waits for this ballot and a ballot after closing finds it closed.
        var open = await db.CouncilSessions.Where(x => x.Id == sessionId && x.State == CouncilSessionState.Open).ExecuteUpdateAsync(x => x.SetProperty(p => p.State, p => p.State), ct);
        if (open == 0) throw new CouncilException("Phiên họp không ở trạng thái đang bỏ phiếu.");
        if (await db.CouncilParticipations.AnyAsync(p => p.ItemId == itemId && p.MemberId == memberId, ct)) throw new CouncilException("Thành viên đã bỏ phiếu hồ sơ này: mỗi thành viên một phiếu.");
        db.CouncilParticipations.Add(new CouncilParticipation { Id = Guid.NewGuid(), ItemId = itemId, MemberId = memberId, Written = written, WrittenReference = reference });
        db.CouncilBallots.Add(new CouncilBallot { Id = Guid.NewGuid(), ItemId = itemId, Choice = choice, Reason = choice == CouncilChoice.Agree ? null : reason!.Trim() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new CouncilException("Thành viên đã bỏ phiếu hồ sơ này: mỗi thành viên một phiếu.");
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static void CheckChoice(CouncilChoice choice, string? reason)
    {
        if (!Enum.IsDefined(choice)) throw new CouncilException("Hãy chọn Đồng ý, Không đồng ý hoặc Ý kiến khác.");
        if (choice != CouncilChoice.Agree && string.IsNullOrWhiteSpace(reason)) throw new CouncilException($"\"{CouncilRules.ChoiceName(choice)}\" cần ghi lý do.");
        if (reason?.Trim().Length > MaxText) throw new CouncilException($"Lý do tối đa {VnFormat.Number(MaxText)} ký tự.");
    }

    private async Task<(CouncilSession, CouncilAgendaItem, CouncilAttendance)> VotableAsync(string userId, int sessionId, int itemId, CancellationToken ct)
    {
        var s = await db.CouncilSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct) ?? throw new CouncilException("Không có phiên họp này.");
        var att = await AttendanceOfAsync(sessionId, userId, ct) ?? throw new CouncilException("Đồng chí không phải thành viên Hội đồng của phiên họp này.");
        if (s.State != CouncilSessionState.Open) throw new CouncilException("Phiên họp không ở trạng thái đang bỏ phiếu.");
        var item = await db.CouncilAgendaItems.AsNoTracking().Include(i => i.Nomination).FirstOrDefaultAsync(i => i.Id == itemId && i.SessionId == sessionId, ct)
            ?? throw new CouncilException("Không có hồ sơ này trong chương trình phiên họp.");
        if (await db.CouncilRecusals.AnyAsync(r => r.ItemId == itemId && r.MemberId == att.MemberId, ct)) throw new CouncilException("Đồng chí đã khai xung đột lợi ích với hồ sơ này: không biểu quyết.");
        return (s, item, att);
    }

    /// <summary>Every member of the session, on every item, either voted or declared a conflict.</summary>
    public async Task<bool> CompleteAsync(int sessionId, CancellationToken ct)
    {
        var members = await db.CouncilAttendances.CountAsync(a => a.SessionId == sessionId, ct);
        var items = await db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).ToListAsync(ct);
        var done = await db.CouncilParticipations.CountAsync(p => items.Contains(p.ItemId), ct) + await db.CouncilRecusals.CountAsync(r => items.Contains(r.ItemId), ct);
        return items.Count > 0 && done >= members * items.Count;
    }

    private async Task<bool> CloseIfCompleteAsync(string user, int sessionId, DateTime nowUtc, CancellationToken ct)
    {
        if (!await CompleteAsync(sessionId, ct)) return false;
        try
        {
            await CloseAsync(user, sessionId, nowUtc, ct);
            return true;
        }
        catch (CouncilException)
        {
            return false; // closed meanwhile
        }
    }

    // ---------------------------------------------------------------- closing

    /// <summary>
    /// Closes the session: when every member voted or declared a conflict, or at/after the deadline. In one
    /// transaction the ballots and participations are rewritten in random order with new keys, each item is counted,
    /// its dossier moved (CouncilApproved / CouncilRefused; one whose quorum failed stays ReadyForCouncil) with the
    /// counts as the reason, and the owning agency's officers notified.
    /// </summary>
    public async Task CloseAsync(string user, int sessionId, DateTime nowUtc, CancellationToken ct)
    {
        var pre = await db.CouncilSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, ct) ?? throw new CouncilException("Không có phiên họp này.");
        if (pre.State != CouncilSessionState.Open) throw new CouncilException("Chỉ kết thúc được phiên họp đang bỏ phiếu.");
        var complete = await CompleteAsync(sessionId, ct);
        if (!complete && nowUtc < pre.VoteDeadlineUtc)
            throw new CouncilException($"Chưa đến hạn bỏ phiếu ({VnFormat.DateTime(pre.VoteDeadlineUtc)}) và còn thành viên chưa bỏ phiếu: chưa kết thúc được.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var closed = await db.CouncilSessions.Where(x => x.Id == sessionId && x.State == CouncilSessionState.Open)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.State, CouncilSessionState.Closed).SetProperty(p => p.ClosedUtc, nowUtc)
                .SetProperty(p => p.ClosedHow, complete ? ClosedComplete : ClosedDeadline).SetProperty(p => p.Version, p => p.Version + 1), ct);
        if (closed == 0) throw new CouncilException("Chỉ kết thúc được phiên họp đang bỏ phiếu.");
        var itemIds = await db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).ToListAsync(ct);

        // Rewrite ballots and participations: new random keys, random order; nothing dates or orders a ballot.
        var ballots = await db.CouncilBallots.AsNoTracking().Where(b => itemIds.Contains(b.ItemId)).Select(b => new { b.ItemId, b.Choice, b.Reason }).ToListAsync(ct);
        var parts = await db.CouncilParticipations.AsNoTracking().Where(p => itemIds.Contains(p.ItemId)).Select(p => new { p.ItemId, p.MemberId, p.Written, p.WrittenReference }).ToListAsync(ct);
        await db.CouncilBallots.Where(b => itemIds.Contains(b.ItemId)).ExecuteDeleteAsync(ct);
        await db.CouncilParticipations.Where(p => itemIds.Contains(p.ItemId)).ExecuteDeleteAsync(ct);
        var b2 = ballots.ToArray();
        RandomNumberGenerator.Shuffle(b2.AsSpan());
        foreach (var b in b2) db.CouncilBallots.Add(new CouncilBallot { Id = Guid.NewGuid(), ItemId = b.ItemId, Choice = b.Choice, Reason = b.Reason });
        var p2 = parts.ToArray();
        RandomNumberGenerator.Shuffle(p2.AsSpan());
        foreach (var p in p2) db.CouncilParticipations.Add(new CouncilParticipation { Id = Guid.NewGuid(), ItemId = p.ItemId, MemberId = p.MemberId, Written = p.Written, WrittenReference = p.WrittenReference });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var s = await db.CouncilSessions.Include(x => x.Council).FirstAsync(x => x.Id == sessionId, ct);
        var results = await CountAsync(sessionId, ct);
        var items = await db.CouncilAgendaItems.Include(i => i.Nomination).Where(i => i.SessionId == sessionId).ToListAsync(ct);
        var notifyAgencies = new Dictionary<int, List<(int Dossier, string Text)>>();
        foreach (var item in items)
        {
            var r = results[item.Id];
            item.Agree = r.Agree;
            item.Disagree = r.Disagree;
            item.Other = r.Other;
            item.QuorumMet = r.QuorumMet;
            item.Passed = r.Passed;
            var n = item.Nomination!;
            var reason = $"{s.Council!.Name}, phiên họp ngày {VnFormat.Date(s.MeetingDate)}: {CouncilRules.ResultText(r)}";
            if (r.QuorumMet)
                NominationWorkflow.Move(db, n, r.Passed ? NominationState.CouncilApproved : NominationState.CouncilRefused, user, Cut(reason, 1000), nowUtc);
            if (!notifyAgencies.TryGetValue(n.AgencyId, out var lines)) notifyAgencies[n.AgencyId] = lines = [];
            lines.Add((n.Id, $"{DossierLabel(n)}: {(r.QuorumMet ? r.Passed ? "Hội đồng đồng ý" : "Hội đồng không đồng ý" : "không đủ túc số, chờ phiên sau")}"));
        }
        foreach (var (agency, lines) in notifyAgencies)
        {
            var accounts = await Notify.AccountsOfAgencyAsync(db, agency, [Roles.EmulationOfficer, Roles.CouncilSecretariat], ct);
            // The link leads to the agency's own dossiers, which it may read; a bloc council's session page is the
            // bloc's, and a proposing agency's officer following a link there was refused.
            var link = lines.Count == 1 ? FormattableString.Invariant($"/Nominations/Details/{lines[0].Dossier}") : "/Nominations";
            Notify.Users(db, accounts, NotificationKind.Info, Cut($"Kết quả {s.Council!.Name} (phiên {VnFormat.Date(s.MeetingDate)}): {string.Join("; ", lines.Select(l => l.Text))}", 1000),
                link, nowUtc, FormattableString.Invariant($"council-result-{s.Id}-{agency}"));
        }
        db.Audit(user, "Kết thúc bỏ phiếu phiên họp Hội đồng TĐKT", nameof(CouncilSession), s.Id,
            $"trước: {CouncilRules.StateName(CouncilSessionState.Open)} → sau: {CouncilRules.StateName(CouncilSessionState.Closed)} ({(complete ? "mọi thành viên đã bỏ phiếu" : "đến hạn bỏ phiếu")}); " +
            FormattableString.Invariant($"{items.Count(i => i.Passed == true)} đồng ý, {items.Count(i => i.Passed == false && i.QuorumMet == true)} không đồng ý, {items.Count(i => i.QuorumMet == false)} không đủ túc số"), nowUtc, code: Code(s));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The count of every item of the session, from the stored ballots (no member attached).</summary>
    public async Task<Dictionary<int, ItemCount>> CountAsync(int sessionId, CancellationToken ct)
    {
        var s = await db.CouncilSessions.AsNoTracking().Include(x => x.Council).ThenInclude(c => c!.Thresholds).FirstAsync(x => x.Id == sessionId, ct);
        var att = await db.CouncilAttendances.AsNoTracking().Where(a => a.SessionId == sessionId).Select(a => new { a.MemberId, a.Present }).ToListAsync(ct);
        var present = att.Where(a => a.Present).Select(a => a.MemberId).ToHashSet();
        var items = await db.CouncilAgendaItems.AsNoTracking().Where(i => i.SessionId == sessionId).Select(i => new { i.Id, i.Nomination!.Code }).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var ballots = await db.CouncilBallots.AsNoTracking().Where(b => ids.Contains(b.ItemId)).Select(b => new { b.ItemId, b.Choice }).ToListAsync(ct);
        var parts = await db.CouncilParticipations.AsNoTracking().Where(p => ids.Contains(p.ItemId)).Select(p => new { p.ItemId, p.MemberId }).ToListAsync(ct);
        var recusals = await db.CouncilRecusals.AsNoTracking().Where(r => ids.Contains(r.ItemId)).Select(r => new { r.ItemId, r.MemberId }).ToListAsync(ct);
        var result = new Dictionary<int, ItemCount>();
        foreach (var i in items)
        {
            var (pct, more, _) = CouncilRules.ThresholdFor(s.Council!.Thresholds, i.Code);
            var voters = parts.Where(p => p.ItemId == i.Id).Select(p => p.MemberId).ToHashSet();
            var rec = recusals.Where(r => r.ItemId == i.Id).Select(r => r.MemberId).ToList();
            var attending = voters.Count + rec.Count(m => present.Contains(m) && !voters.Contains(m));
            result[i.Id] = CouncilRules.Count(att.Count, ballots.Where(b => b.ItemId == i.Id).Select(b => b.Choice).ToList(), rec.Count, attending,
                s.Council.QuorumNumerator, s.Council.QuorumDenominator, pct, more);
        }
        return result;
    }

    /// <summary>Results per item for the pages and the minutes; counts only once closed.</summary>
    public async Task<List<ItemResult>> ResultsAsync(int sessionId, bool closed, CancellationToken ct)
    {
        var items = await db.CouncilAgendaItems.AsNoTracking().Where(i => i.SessionId == sessionId).OrderBy(i => i.Order)
            .Select(i => new { i.Id, i.NominationId, i.Nomination!.Code, i.Nomination.State, Person = i.Nomination.Person!.FullName, Unit = i.Nomination.Unit!.Name, Agency = i.Nomination.Agency!.Name })
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var recusals = await db.CouncilRecusals.AsNoTracking().Where(r => ids.Contains(r.ItemId)).OrderBy(r => r.Member!.FullName)
            .Select(r => new { r.ItemId, r.Member!.FullName, r.Reason }).ToListAsync(ct);
        var counts = closed ? await CountAsync(sessionId, ct) : [];
        var reasons = closed
            ? await db.CouncilBallots.AsNoTracking().Where(b => ids.Contains(b.ItemId) && b.Reason != null).Select(b => new { b.ItemId, b.Choice, b.Reason }).ToListAsync(ct)
            : [];
        return items.Select(i => new ItemResult(i.Id, i.NominationId, i.Code, i.Person ?? i.Unit ?? "", i.Agency ?? "", i.State, counts.GetValueOrDefault(i.Id),
            recusals.Where(r => r.ItemId == i.Id).Select(r => (r.FullName, r.Reason)).ToList(),
            reasons.Where(r => r.ItemId == i.Id).OrderBy(r => r.Choice).ThenBy(r => r.Reason, StringComparer.Ordinal).Select(r => (r.Choice, r.Reason!)).ToList())).ToList();
    }

    // ---------------------------------------------------------------- helpers

    private async Task<CouncilSession> DraftAsync(int id, int version, CancellationToken ct)
    {
        var s = await db.CouncilSessions.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new CouncilException("Không có phiên họp này.");
        if (s.State != CouncilSessionState.Draft) throw new CouncilException($"Phiên họp đang ở trạng thái \"{CouncilRules.StateName(s.State)}\": chỉ thay đổi được khi còn là dự thảo.");
        db.Entry(s).Property(x => x.Version).OriginalValue = version;
        return s;
    }

    private static void Check(CouncilInput i)
    {
        if (string.IsNullOrWhiteSpace(i.Name) || i.Name.Trim().Length > MaxName) throw new CouncilException($"Tên Hội đồng là bắt buộc, tối đa {MaxName} ký tự.");
        if (i.DecisionNumber?.Trim().Length > 50) throw new CouncilException("Số quyết định thành lập tối đa 50 ký tự.");
        if (i.DecisionText?.Trim().Length > MaxText) throw new CouncilException($"Trích yếu quyết định tối đa {VnFormat.Number(MaxText)} ký tự.");
        if (i.DecisionDate is { Year: < 2000 or > 2100 }) throw new CouncilException("Ngày quyết định thành lập phải trong các năm 2000–2100.");
        if (i.QuorumDenominator is < 1 or > 100 || i.QuorumNumerator < 1 || i.QuorumNumerator > i.QuorumDenominator)
            throw new CouncilException("Túc số là một phân số từ 1/100 đến 1/1 tổng số thành viên (tử số ≤ mẫu số ≤ 100).");
        if (string.IsNullOrWhiteSpace(i.QuorumSource) || i.QuorumSource.Trim().Length > 500) throw new CouncilException("Hãy ghi căn cứ của túc số (tối đa 500 ký tự).");
    }

    private static void Apply(Council c, CouncilInput i)
    {
        c.Name = i.Name.Trim();
        c.DecisionNumber = Clean(i.DecisionNumber);
        c.DecisionDate = i.DecisionDate;
        c.DecisionText = Clean(i.DecisionText);
        c.QuorumNumerator = i.QuorumNumerator;
        c.QuorumDenominator = i.QuorumDenominator;
        c.QuorumSource = i.QuorumSource.Trim();
    }

    public static string DossierLabel(Nomination n) =>
        $"{n.Code} – {n.Person?.FullName ?? n.Unit?.Name ?? FormattableString.Invariant($"hồ sơ số {n.Id}")}";

    public static string Code(CouncilSession s) => FormattableString.Invariant($"COUNCIL-{s.CouncilId}-{s.Id}");
    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private static string AuditText(Council c) =>
        $"{c.Name}; quyết định {c.DecisionNumber ?? "—"} ngày {VnFormat.Date(c.DecisionDate)}; túc số {c.QuorumNumerator}/{c.QuorumDenominator} ({c.QuorumSource})";

    private static string ThresholdText(CouncilThreshold t) =>
        $"{(t.Code == CouncilThreshold.AnyCode ? "các hình thức khác" : t.Code)}: {CouncilRules.RuleText(t.Percent, t.MoreThan)} ({t.Source})";

    private static string MemberText(CouncilMember m) =>
        $"{m.FullName} ({m.Position ?? "—"}), {CouncilRules.RoleName(m.Role)}, từ {VnFormat.Date(m.ActiveFrom)} đến {(m.ActiveTo is { } t ? VnFormat.Date(t) : "nay")}";

    private static string SessionText(CouncilSession s) =>
        $"họp ngày {VnFormat.Date(s.MeetingDate)} tại {s.Place}; hạn bỏ phiếu {VnFormat.DateTime(s.VoteDeadlineUtc)}; {s.Attendance.Count} thành viên";

    private static string AttendanceText(IEnumerable<CouncilAttendance> rows) =>
        "vắng: " + (string.Join(", ", rows.Where(r => !r.Present).Select(r => r.Member!.FullName)) is { Length: > 0 } a ? a : "không");
}
