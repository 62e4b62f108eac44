using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Awards;
using ThiDua.Features.Blocs;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;
using ThiDua.Features.Notifications;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>What a draft says; the page's form and the demo fill it.</summary>
public sealed record DraftInput(
    int Year, string Code, AwardBasis Basis, int? PeriodFrom, int? PeriodTo, string Subject, string Grounds,
    string SignerName, string SignerTitle, string Place, DocumentSystem System, string Distribution, string? HigherAuthority = null);

/// <summary>The outcome of a command: ok, or a Vietnamese message for the page (and the field it concerns).</summary>
public sealed record DecisionResult(bool Ok, string? Error = null, int Id = 0, bool Conflict = false)
{
    public static DecisionResult Fail(string error) => new(false, error);
    public static DecisionResult Done(int id) => new(true, Id: id);
}

/// <summary>
/// Decisions (quyết định khen thưởng) and cover letters upward (tờ trình): drafts, recipients, issue with the
/// register's next number, awards conferred, certificates numbered, dossiers decided, revocation. The pages and the
/// demo year call these methods; each writes its audit rows in the same save as its change.
/// </summary>
public sealed class DecisionService(AppDbContext db, TimeProvider clock)
{
    public const int MinYear = 2000, MaxYear = 2100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The agency leading the bloc in a year (Khối trưởng), or null.</summary>
    public Task<int?> BlocLeaderAsync(int blocId, int year, CancellationToken ct) =>
        db.BlocLeaderships.Where(l => l.BlocId == blocId && l.Year == year && l.Role == BlocRole.Leader).Select(l => (int?)l.UnitId).FirstOrDefaultAsync(ct);

    public static string? Validate(DraftInput i)
    {
        if (i.Year is < MinYear or > MaxYear) return $"Năm phải từ {MinYear} đến {MaxYear}.";
        if (!AwardRecord.Codes.ContainsKey(i.Code)) return "Hình thức khen thưởng không có trong danh mục.";
        if (i.PeriodFrom is { } f && (f < AwardRecord.FirstPeriodYear || f > MaxYear)) return "Năm bắt đầu thời gian lập thành tích không hợp lệ.";
        if (i.PeriodTo is { } t && (t < AwardRecord.FirstPeriodYear || t > MaxYear)) return "Năm kết thúc thời gian lập thành tích không hợp lệ.";
        if (i.PeriodFrom > i.PeriodTo) return "Thời gian lập thành tích: năm bắt đầu sau năm kết thúc.";
        if (string.IsNullOrWhiteSpace(i.Subject) || i.Subject.Length > 500) return "Trích yếu: bắt buộc, tối đa 500 ký tự.";
        if (i.Grounds.Length > 4000) return "Căn cứ tối đa 4.000 ký tự.";
        if (i.SignerName.Length > 200 || i.SignerTitle.Length > 200) return "Người ký và chức vụ tối đa 200 ký tự.";
        if (i.Place.Length > 100) return "Địa danh tối đa 100 ký tự.";
        if (i.Distribution.Length > 2000) return "Nơi nhận tối đa 2.000 ký tự.";
        if (i.HigherAuthority is { Length: > 300 }) return "Cấp trình tối đa 300 ký tự.";
        return null;
    }

    public async Task<Decision> CreateDraftAsync(int issuerAgencyId, int? blocId, DecisionKind kind, DraftInput i, string user, CancellationToken ct)
    {
        var d = new Decision { IssuerAgencyId = issuerAgencyId, BlocId = blocId, Kind = kind, Code = i.Code, CreatedBy = user, CreatedUtc = Now, State = DecisionState.Draft };
        Apply(d, i);
        db.Decisions.Add(d);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(user, kind == DecisionKind.Upward ? "Lập dự thảo tờ trình" : "Lập dự thảo quyết định khen thưởng", nameof(Decision), d.Id, $"trước: — → sau: {AuditText(d)}", Now, code: d.Code);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return d;
    }

    /// <summary>Saves a draft's fields against the version the user saw; a stale version is a conflict.</summary>
    public async Task<DecisionResult> UpdateDraftAsync(int id, int version, DraftInput i, string user, CancellationToken ct)
    {
        var d = await db.Decisions.Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return DecisionResult.Fail("Không tìm thấy quyết định.");
        if (d.State != DecisionState.Draft) return DecisionResult.Fail("Quyết định đã ban hành, không sửa được.");
        if (d.Recipients.Count > 0 && !string.Equals(d.Code, i.Code, StringComparison.Ordinal))
            return DecisionResult.Fail("Đã có người/tập thể trong danh sách: bỏ họ ra trước khi đổi hình thức khen thưởng.");
        var before = AuditText(d);
        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        d.Code = i.Code;
        Apply(d, i);
        db.Audit(user, "Sửa dự thảo quyết định", nameof(Decision), d.Id, $"trước: {before} → sau: {AuditText(d)}", Now, code: d.Code);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new DecisionResult(false, "Dự thảo vừa được người khác sửa. Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.", id, Conflict: true);
        }
        return DecisionResult.Done(d.Id);
    }

    private static void Apply(Decision d, DraftInput i)
    {
        d.Year = i.Year;
        d.Basis = i.Basis;
        d.PeriodFrom = i.PeriodFrom;
        d.PeriodTo = i.PeriodTo;
        d.Subject = i.Subject.Trim();
        d.Grounds = i.Grounds.Trim();
        d.SignerName = i.SignerName.Trim();
        d.SignerTitle = i.SignerTitle.Trim();
        d.Place = string.IsNullOrWhiteSpace(i.Place) ? "Hà Nội" : i.Place.Trim();
        d.System = i.System;
        d.Distribution = i.Distribution.Trim();
        d.HigherAuthority = string.IsNullOrWhiteSpace(i.HigherAuthority) ? null : i.HigherAuthority.Trim();
    }

    public static string AuditText(Decision d) =>
        $"{d.Kind} {d.Year} {AwardRecord.Name(d.Code)} ({d.Code}); trích yếu: {d.Subject}; thời gian thành tích: {d.PeriodFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}–{d.PeriodTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}; " +
        $"loại: {AwardRecord.BasisLabel(d.Basis)}; người ký: {d.SignerTitle} {d.SignerName}; thể thức: {(d.System == DocumentSystem.Party ? "Đảng" : "Nhà nước")}";

    /// <summary>
    /// Dossiers that may join the draft: approved by the council (CouncilApproved), of the draft's form and year, of
    /// its scope (the bloc's dossiers for the bloc leader; the agency's own otherwise), in no decision yet.
    /// </summary>
    public IQueryable<Nomination> Candidates(Decision d) =>
        db.Nominations.Where(n => n.State == NominationState.CouncilApproved && n.Code == d.Code && n.Year == d.Year
            && (d.BlocId != null ? n.Level == NominationLevel.Bloc && n.BlocId == d.BlocId : n.Level == NominationLevel.Agency && n.AgencyId == d.IssuerAgencyId)
            && !db.DecisionRecipients.Any(r => r.NominationId == n.Id));

    /// <summary>Adds the chosen dossiers (bulk), in the order given; ids outside <see cref="Candidates"/> are refused as a whole.</summary>
    public async Task<DecisionResult> AddNominationsAsync(int decisionId, IReadOnlyCollection<int> nominationIds, string user, CancellationToken ct)
    {
        var d = await db.Decisions.Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == decisionId, ct);
        if (d is null) return DecisionResult.Fail("Không tìm thấy quyết định.");
        if (d.State != DecisionState.Draft) return DecisionResult.Fail("Quyết định đã ban hành, không thêm được.");
        if (nominationIds.Count == 0) return DecisionResult.Fail("Hãy chọn ít nhất một hồ sơ.");
        var ids = nominationIds.Distinct().ToList();
        var found = await Candidates(d).Where(n => ids.Contains(n.Id)).Include(n => n.Person).ThenInclude(p => p!.CurrentUnit).Include(n => n.Unit).Include(n => n.Agency).ToListAsync(ct);
        if (found.Count != ids.Count) return DecisionResult.Fail("Có hồ sơ không thuộc phạm vi của quyết định này, chưa được Hội đồng đồng ý hoặc đã ở trong quyết định khác.");
        var order = d.Recipients.Count == 0 ? 0 : d.Recipients.Max(r => r.Order);
        var on = DateOnly.FromDateTime(VnFormat.ToVietnamTime(Now));
        foreach (var n in found.OrderBy(n => n.Subject).ThenBy(n => ids.IndexOf(n.Id)))
        {
            var collective = n.Subject == NominationSubject.Collective;
            var position = collective
                ? n.Agency?.Name
                : string.Join(", ", new[] { n.Person?.Position, n.Person?.CurrentUnit?.Name, n.Agency?.Name }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));
            var r = new DecisionRecipient
            {
                Order = ++order, NominationId = n.Id, PersonId = n.PersonId, UnitId = n.UnitId,
                DisplayName = Cut(collective ? n.Unit?.Name ?? "" : n.Person?.FullName ?? "", 300),
                DisplayPosition = Cut(position, 300), Achievement = Cut(n.Achievement, 1000),
                Category = DecisionRules.DefaultCategory(collective, n.Person?.Position),
            };
            Price(r, d.Code, on);
            d.Recipients.Add(r);
        }
        d.Version++;
        db.Audit(user, "Thêm vào dự thảo quyết định", nameof(Decision), d.Id,
            $"trước: {d.Recipients.Count - found.Count} người/tập thể → sau: {d.Recipients.Count}; thêm hồ sơ: {string.Join(", ", found.Select(f => f.Id))}", Now, code: d.Code);
        await db.SaveChangesAsync(ct);
        return DecisionResult.Done(d.Id);
    }

    /// <summary>The bloc vote's proposals (VoteProposal → AwardRecord Proposed) of the draft's form and year, for the bloc's decisions.</summary>
    public IQueryable<Votes.VoteProposal> ProposalCandidates(Decision d) =>
        db.VoteProposals.Where(p => d.BlocId != null && p.Award!.Status == AwardStatus.Proposed && p.Award.Code == d.Code && p.Award.Year == d.Year
            && db.VoteSessions.Any(s => s.Id == p.SessionId && s.BlocId == d.BlocId)
            && !db.DecisionRecipients.Any(r => r.VoteProposalId == p.Id));

    public async Task<DecisionResult> AddProposalsAsync(int decisionId, IReadOnlyCollection<int> proposalIds, string user, CancellationToken ct)
    {
        var d = await db.Decisions.Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == decisionId, ct);
        if (d is null) return DecisionResult.Fail("Không tìm thấy quyết định.");
        if (d.State != DecisionState.Draft) return DecisionResult.Fail("Quyết định đã ban hành, không thêm được.");
        var ids = proposalIds.Distinct().ToList();
        if (ids.Count == 0) return DecisionResult.Fail("Hãy chọn ít nhất một đề nghị.");
        var found = await ProposalCandidates(d).Where(p => ids.Contains(p.Id)).Include(p => p.Award).ThenInclude(a => a!.Unit).ToListAsync(ct);
        if (found.Count != ids.Count) return DecisionResult.Fail("Có đề nghị không thuộc phạm vi của quyết định này hoặc đã ở trong quyết định khác.");
        var order = d.Recipients.Count == 0 ? 0 : d.Recipients.Max(r => r.Order);
        var on = DateOnly.FromDateTime(VnFormat.ToVietnamTime(Now));
        foreach (var p in found)
        {
            var r = new DecisionRecipient
            {
                Order = ++order, VoteProposalId = p.Id, UnitId = p.Award!.UnitId, PersonId = p.Award.PersonId,
                DisplayName = Cut(p.Award.Unit?.Name ?? "", 300), Achievement = Cut(p.Award.Note ?? "", 1000), Category = "TAP_THE",
            };
            Price(r, d.Code, on);
            d.Recipients.Add(r);
        }
        d.Version++;
        db.Audit(user, "Thêm vào dự thảo quyết định", nameof(Decision), d.Id, $"trước: {d.Recipients.Count - found.Count} → sau: {d.Recipients.Count}; thêm đề nghị của hội nghị khối: {string.Join(", ", found.Select(f => f.Id))}", Now, code: d.Code);
        await db.SaveChangesAsync(ct);
        return DecisionResult.Done(d.Id);
    }

    private static string Cut(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];

    private static void Price(DecisionRecipient r, string code, DateOnly on)
    {
        r.Coefficient = DecisionRules.CoefficientOf(code, r.PersonId is null, on);
        r.BaseSalaryVnd = DecisionRules.BaseSalaryOn(on).Value;
        r.AmountVnd = DecisionRules.Amount(r.Coefficient, r.BaseSalaryVnd);
    }

    public async Task<DecisionResult> RemoveRecipientAsync(int recipientId, string user, CancellationToken ct)
    {
        var r = await db.DecisionRecipients.Include(x => x.Decision).FirstOrDefaultAsync(x => x.Id == recipientId, ct);
        if (r is null) return DecisionResult.Fail("Không tìm thấy người/tập thể trong quyết định.");
        if (r.Decision!.State != DecisionState.Draft) return DecisionResult.Fail("Quyết định đã ban hành: không bỏ được ai khỏi danh sách.");
        db.DecisionRecipients.Remove(r);
        r.Decision.Version++;
        db.Audit(user, "Bỏ khỏi dự thảo quyết định", nameof(Decision), r.DecisionId, $"trước: {r.DisplayName} trong danh sách → sau: đã bỏ", Now, code: r.Decision.Code);
        await db.SaveChangesAsync(ct);
        return DecisionResult.Done(r.DecisionId);
    }

    /// <summary>The number the draft would get if issued now (shown on the confirm page; the issue takes the next free one).</summary>
    public async Task<int> NextNumberAsync(Decision d, int registerYear, CancellationToken ct)
    {
        var reg = RegisterOf(d);
        return (await db.Decisions.Where(x => x.Register == reg && x.RegisterYear == registerYear).MaxAsync(x => x.Number, ct) ?? 0) + 1;
    }

    public static string RegisterOf(Decision d) =>
        (d.Kind == DecisionKind.Upward ? "T" : "") + (d.BlocId is { } b ? FormattableString.Invariant($"B{b}") : FormattableString.Invariant($"U{d.IssuerAgencyId}"));

    /// <summary>
    /// Draft → Issued: the next number of the register, signed on <paramref name="signedOn"/>; per recipient the money
    /// at that date, an award Conferred, a certificate number and a verification code; each dossier Decided; the
    /// recipients' agencies' officers notified. A cover letter (Upward) instead moves its dossiers to SubmittedUpward.
    /// Two issues at once: the register's unique index refuses the second, which starts again with the next number.
    /// </summary>
    public async Task<DecisionResult> IssueAsync(int id, DateOnly signedOn, string user, CancellationToken ct)
    {
        if (signedOn.Year is < MinYear or > MaxYear) return DecisionResult.Fail($"Ngày ký phải trong các năm {MinYear}–{MaxYear}.");
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await IssueOnceAsync(id, signedOn, user, ct);
            }
            catch (DbUpdateException e) when (attempt < 5 && IsRegisterConflict(e))
            {
                // Another issue took the number (or, once in 2^60, the code) between the read and the save: start again.
            }
        }
    }

    private static bool IsRegisterConflict(DbUpdateException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x.Message.Contains("Decisions.Register", StringComparison.Ordinal) || x.Message.Contains("IX_Decisions_Register_RegisterYear_Number", StringComparison.Ordinal)
                || x.Message.Contains("DecisionRecipients.VerificationCode", StringComparison.Ordinal) || x.Message.Contains("IX_DecisionRecipients_VerificationCode", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private async Task<DecisionResult> IssueOnceAsync(int id, DateOnly signedOn, string user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.Decisions.Include(x => x.Recipients.OrderBy(r => r.Order)).Include(x => x.IssuerAgency).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return DecisionResult.Fail("Không tìm thấy quyết định.");
        if (d.State != DecisionState.Draft) return DecisionResult.Fail("Quyết định đã ban hành.");
        if (d.Recipients.Count == 0) return DecisionResult.Fail("Danh sách chưa có ai: hãy thêm người/tập thể trước khi ban hành.");
        if (string.IsNullOrWhiteSpace(d.SignerName)) return DecisionResult.Fail("Hãy ghi người ký trước khi ban hành.");
        var now = Now;
        var reg = RegisterOf(d);
        // The number first, then the certificates: a read that sees another issue's number also sees its certificates.
        var number = await NextNumberAsync(d, signedOn.Year, ct);
        var certificate = d.Kind == DecisionKind.Upward ? 0 : await db.DecisionRecipients
            .Where(r => r.Decision!.Register == reg && r.Decision.RegisterYear == signedOn.Year).MaxAsync(r => r.CertificateNumber, ct) ?? 0;
        d.Register = reg;
        d.RegisterYear = signedOn.Year;
        d.Number = number;
        d.NumberText = DecisionRules.NumberText(d.System, d.Kind, number, DecisionRules.Abbreviation(d.IssuerAgency!.Code, d.BlocId is not null));
        d.SignedOn = signedOn;
        d.State = DecisionState.Issued;
        d.IssuedUtc = now;
        d.IssuedBy = user;
        d.Version++;
        var authority = Authority(d);
        var nominationIds = d.Recipients.Where(r => r.NominationId != null).Select(r => r.NominationId!.Value).ToList();
        var proposalIds = d.Recipients.Where(r => r.VoteProposalId != null).Select(r => r.VoteProposalId!.Value).ToList();
        var nominations = await db.Nominations.Where(n => nominationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var proposals = await db.VoteProposals.Include(p => p.Award).Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var r in d.Recipients)
        {
            Price(r, d.Code, signedOn);
            if (d.Kind == DecisionKind.Upward)
            {
                if (r.NominationId is { } nid && !NominationWorkflow.Move(db, nominations[nid], NominationState.SubmittedUpward, user, $"Tờ trình {d.NumberText} ngày {VnFormat.Date(signedOn)}", now))
                    return DecisionResult.Fail($"Hồ sơ của {r.DisplayName} không còn ở trạng thái Hội đồng đồng ý.");
                continue;
            }
            AwardRecord award;
            if (r.VoteProposalId is { } pid && proposals.TryGetValue(pid, out var p) && p.Award is { } proposed)
            {
                award = proposed;
                var before = award.AuditText();
                award.Status = AwardStatus.Conferred;
                Confer(award, d, authority);
                db.Audit(user, "Ghi khen thưởng theo quyết định", "AwardRecord", award.Id, $"trước: {before} ({AwardRecord.StatusName(AwardStatus.Proposed)}) → sau: {award.AuditText()} ({AwardRecord.StatusName(AwardStatus.Conferred)})", now, code: award.Code);
            }
            else
            {
                award = new AwardRecord { PersonId = r.PersonId, UnitId = r.UnitId, Code = d.Code, Authority = authority, Status = AwardStatus.Conferred };
                Confer(award, d, authority);
                db.Awards.Add(award);
            }
            r.Award = award;
            r.CertificateNumber = ++certificate;
            r.VerificationCode = DecisionRules.NewVerificationCode();
            if (r.NominationId is { } n2 && !NominationWorkflow.Move(db, nominations[n2], NominationState.Decided, user, $"Quyết định {d.NumberText} ngày {VnFormat.Date(signedOn)}", now))
                return DecisionResult.Fail($"Hồ sơ của {r.DisplayName} không còn ở trạng thái Hội đồng đồng ý.");
        }
        db.Audit(user, d.Kind == DecisionKind.Upward ? "Trình cấp trên" : "Ban hành quyết định khen thưởng", nameof(Decision), d.Id,
            $"trước: Dự thảo → sau: Đã ban hành số {d.NumberText} ngày {VnFormat.Date(signedOn)}; {d.Recipients.Count} người/tập thể; tổng tiền thưởng {VnFormat.Number(d.Recipients.Sum(r => r.AmountVnd))} đồng", now, code: d.Code);
        await NotifyAsync(d, ct);
        await db.SaveChangesAsync(ct);
        // The awards' ids are known now: each gets its audit row in the same transaction.
        foreach (var r in d.Recipients.Where(r => r.Award is not null && r.VoteProposalId is null))
            db.Audit(user, "Ghi khen thưởng theo quyết định", "AwardRecord", r.Award!.Id, $"trước: — → sau: {r.Award.AuditText()}", now, code: r.Award.Code);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DecisionResult.Done(d.Id);
    }

    private static void Confer(AwardRecord a, Decision d, string authority)
    {
        a.Authority = authority;
        a.Year = d.Year;
        a.DecisionNumber = d.NumberText;
        a.DecisionDate = d.SignedOn;
        a.PeriodTo = d.PeriodTo;
        a.Basis = d.Basis;
    }

    /// <summary>The deciding authority as the history shows it: "Khối trưởng Khối thi đua …" or "Trưởng Ban Tổ chức Trung ương".</summary>
    public static string Authority(Decision d) => d.BlocId is not null
        ? $"Khối trưởng {d.Bloc?.Name}".Trim()
        : d.IssuerAgency?.Name ?? "";

    private async Task NotifyAsync(Decision d, CancellationToken ct)
    {
        var agencies = new HashSet<int>();
        foreach (var r in d.Recipients)
        {
            var unit = r.UnitId ?? (r.PersonId is { } p ? await db.People.Where(x => x.Id == p).Select(x => x.CurrentUnitId).FirstOrDefaultAsync(ct) : null);
            if (unit is { } u && await UnitScopeService.AgencyOfAsync(db, u, ct) is { } a) agencies.Add(a);
        }
        var users = new List<string>();
        foreach (var a in agencies) users.AddRange(await Notify.AccountsOfAgencyAsync(db, a, [Roles.EmulationOfficer, Roles.CouncilSecretariat], ct));
        var personIds = d.Recipients.Where(r => r.PersonId != null).Select(r => r.PersonId!.Value).ToList();
        users.AddRange(await db.Users.Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value) && u.IsActive).Select(u => u.Id).ToListAsync(ct));
        var text = d.Kind == DecisionKind.Upward
            ? $"Đã trình cấp trên tờ trình {d.NumberText}: {d.Subject}"
            : $"Đã ban hành quyết định {d.NumberText} ngày {VnFormat.Date(d.SignedOn)}: {d.Subject}";
        Notify.Users(db, users, NotificationKind.DecisionIssued, text, FormattableString.Invariant($"/Decisions/Details/{d.Id}"), Now, FormattableString.Invariant($"decision-{d.Id}"));
    }

    /// <summary>Thu hồi: the award stays in the history, marked revoked with the reason, the legal ground and the revoking decision.</summary>
    public async Task<DecisionResult> RevokeAsync(int recipientId, DateOnly revokedOn, string reason, string ground, string revokingDecision, string user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000) return DecisionResult.Fail("Lý do thu hồi: bắt buộc, tối đa 1.000 ký tự.");
        if (string.IsNullOrWhiteSpace(ground) || ground.Length > 500) return DecisionResult.Fail("Căn cứ pháp lý: bắt buộc, tối đa 500 ký tự.");
        if (string.IsNullOrWhiteSpace(revokingDecision) || revokingDecision.Length > 100) return DecisionResult.Fail("Số quyết định thu hồi: bắt buộc, tối đa 100 ký tự.");
        if (revokedOn.Year is < MinYear or > MaxYear) return DecisionResult.Fail($"Ngày thu hồi phải trong các năm {MinYear}–{MaxYear}.");
        var r = await db.DecisionRecipients.Include(x => x.Decision).Include(x => x.Award).FirstOrDefaultAsync(x => x.Id == recipientId, ct);
        if (r?.Award is null || r.Decision!.State != DecisionState.Issued) return DecisionResult.Fail("Chỉ thu hồi được khen thưởng của quyết định đã ban hành.");
        if (r.Award.RevokedOn is not null) return DecisionResult.Fail("Khen thưởng này đã bị thu hồi.");
        if (r.Decision.SignedOn is { } s && revokedOn < s) return DecisionResult.Fail("Ngày thu hồi không được trước ngày ký quyết định.");
        var a = r.Award;
        var before = $"{a.AuditText()}; chưa thu hồi";
        a.RevokedOn = revokedOn;
        a.RevocationReason = reason.Trim();
        a.RevocationGround = $"{ground.Trim()}; quyết định thu hồi {revokingDecision.Trim()}";
        if (a.RevocationGround.Length > 1000) a.RevocationGround = a.RevocationGround[..1000];
        a.RevokedBy = user;
        db.Audit(user, "Thu hồi khen thưởng", "AwardRecord", a.Id,
            $"trước: {before} → sau: đã thu hồi ngày {VnFormat.Date(revokedOn)}; lý do: {a.RevocationReason}; căn cứ: {a.RevocationGround}", Now, code: a.Code);
        await db.SaveChangesAsync(ct);
        return DecisionResult.Done(r.DecisionId);
    }

    /// <summary>
    /// The higher level's answer to a cover letter: granted dossiers → Decided with an award Conferred by that
    /// authority; the others → NotDecided.
    /// </summary>
    public async Task<DecisionResult> RecordHigherAsync(int id, string number, DateOnly date, string authority, IReadOnlyCollection<int> grantedRecipientIds, string user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 100) return DecisionResult.Fail("Số quyết định của cấp trên: bắt buộc, tối đa 100 ký tự.");
        if (string.IsNullOrWhiteSpace(authority) || authority.Length > 300) return DecisionResult.Fail("Cấp quyết định: bắt buộc, tối đa 300 ký tự.");
        if (date.Year is < MinYear or > MaxYear) return DecisionResult.Fail($"Ngày quyết định phải trong các năm {MinYear}–{MaxYear}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var d = await db.Decisions.Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || d.Kind != DecisionKind.Upward || d.State != DecisionState.Issued) return DecisionResult.Fail("Chỉ ghi quyết định cấp trên cho tờ trình đã trình.");
        var open = d.Recipients.Where(r => r.HigherGranted is null && r.NominationId is not null).ToList();
        if (open.Count == 0) return DecisionResult.Fail("Tờ trình đã có kết quả của cấp trên.");
        if (grantedRecipientIds.Any(g => open.All(r => r.Id != g))) return DecisionResult.Fail("Có người/tập thể không thuộc tờ trình này.");
        var openIds = open.Select(r => r.NominationId!.Value).ToList();
        var nominations = await db.Nominations.Where(n => openIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var now = Now;
        var awards = new List<AwardRecord>();
        foreach (var r in open)
        {
            var n = nominations[r.NominationId!.Value];
            var granted = grantedRecipientIds.Contains(r.Id);
            r.HigherGranted = granted;
            n.HigherDecisionNumber = number.Trim();
            n.HigherDecisionDate = date;
            n.HigherAuthority = authority.Trim();
            if (!NominationWorkflow.Move(db, n, granted ? NominationState.Decided : NominationState.NotDecided, user, $"Quyết định {number.Trim()} ngày {VnFormat.Date(date)} của {authority.Trim()}", now))
                return DecisionResult.Fail($"Hồ sơ của {r.DisplayName} không ở trạng thái Đã trình cấp trên.");
            if (!granted) continue;
            var a = new AwardRecord
            {
                PersonId = r.PersonId, UnitId = r.UnitId, Code = d.Code, Year = d.Year, Authority = authority.Trim(), DecisionNumber = number.Trim(), DecisionDate = date,
                PeriodTo = d.PeriodTo, Basis = d.Basis, Status = AwardStatus.Conferred,
            };
            r.Award = a;
            db.Awards.Add(a);
            awards.Add(a);
        }
        d.Version++;
        db.Audit(user, "Ghi quyết định của cấp trên", nameof(Decision), d.Id,
            $"trước: chờ cấp trên → sau: {number.Trim()} ngày {VnFormat.Date(date)} của {authority.Trim()}; được khen {awards.Count}/{open.Count}", now, code: d.Code);
        await db.SaveChangesAsync(ct);
        foreach (var a in awards) db.Audit(user, "Ghi khen thưởng theo quyết định", "AwardRecord", a.Id, $"trước: — → sau: {a.AuditText()}", now, code: a.Code);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DecisionResult.Done(d.Id);
    }
}
