using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Calendar;
using ThiDua.Features.Notifications;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>A refusal of a workflow action, in Vietnamese, naming what is wrong.</summary>
public sealed class WorkflowRefusedException(string message) : Exception(message);

/// <summary>Someone else changed the dossier since the page was shown; the page keeps what was typed.</summary>
public sealed class WorkflowConflictException() : Exception(Text)
{
    public const string Text = "Hồ sơ vừa được người khác thay đổi (trạng thái hoặc nội dung). Những gì bạn nhập vẫn ở trên biểu mẫu; hãy xem lại trạng thái hiện tại rồi thực hiện lại.";
}

/// <summary>A dossier the bulk appraisal was asked to accept: its id and the version the handler saw.</summary>
public sealed record BulkItem(int Id, int Version);

/// <summary>What a bulk appraisal did: the dossiers accepted and the ones skipped, each named, with why.</summary>
public sealed record BulkResult(IReadOnlyList<string> Accepted, IReadOnlyList<string> Skipped);

/// <summary>
/// Every action of the dossier workflow (submit, appraise, return, reject, recall, public comment and its rulings,
/// send to the council, bulk appraisal). Each changes the state only through <see cref="NominationWorkflow.Move"/>,
/// checks the version the user saw, notifies whom it concerns and saves once. Authorization by role and unit stays
/// with the pages (<see cref="WorkflowAccess"/>); the demo year acts as the accounts would, with its own times.
/// </summary>
public sealed class NominationActions(AppDbContext db, IConfiguration config)
{
    public const int MaxReason = 2000, MaxJustification = 4000, MinComment = 10, MaxComment = 4000, MaxAuthor = 200, MaxBulk = 500;
    public const string EntityType = nameof(Nomination);
    /// <summary>The user name recorded for a comment sent through the public page.</summary>
    public const string PublicUser = "(công chúng)";

    /// <summary>Nominations:AppraisalWorkingDays (1–60, default 10): this system's default time for appraisal; the legal time limits are for the higher levels.</summary>
    public int AppraisalWorkingDays => Math.Clamp(config.GetValue("Nominations:AppraisalWorkingDays", 10), 1, 60);

    /// <summary>Nominations:PublicCommentWorkingDays (1–60, default 10): how long a dossier stays published for comment.</summary>
    public int PublicCommentWorkingDays => Math.Clamp(config.GetValue("Nominations:PublicCommentWorkingDays", 10), 1, 60);

    /// <summary>
    /// Nominations:PublicCommentAlso: codes this agency also publishes for comment under its own regulation (quy chế
    /// thi đua, khen thưởng của cơ quan), e.g. "CSTDCS,BK_BO", on top of <see cref="PublicCommentForms.Table"/>.
    /// </summary>
    public bool RequiresPublicComment(string code) =>
        PublicCommentForms.Requires(code)
        || (config["Nominations:PublicCommentAlso"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(code, StringComparer.Ordinal);

    public static DateOnly VietnamDate(DateTime utc) => DateOnly.FromDateTime(utc + VnFormat.VietnamOffset);

    /// <summary>The unit submits its draft, or resubmits a returned dossier.</summary>
    public async Task SubmitAsync(int id, int expectedVersion, string? justification, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State is not (NominationState.Draft or NominationState.Returned))
            throw Refused(n, "gửi", "chỉ gửi được hồ sơ dự thảo hoặc hồ sơ bị trả lại");
        var why = justification?.Trim();
        if (why is { Length: > MaxJustification }) throw new WorkflowRefusedException($"Giải trình: tối đa {MaxJustification} ký tự.");
        if (!string.IsNullOrEmpty(why)) n.Justification = why;
        var checks = await DossierChecks.RunAsync(db, n, ct);
        if (checks.NotEligible && string.IsNullOrWhiteSpace(n.Justification))
            throw new WorkflowRefusedException("Giải trình: hệ thống đánh giá hồ sơ chưa đủ điều kiện" + (checks.Verdict is null ? "" : $" (\"{checks.Verdict}\")")
                + "; muốn gửi vẫn phải nhập giải trình lý do đề nghị.");
        var cal = await WorkingCalendar.LoadAsync(db, ct);
        Move(n, NominationState.Submitted, user, n.State == NominationState.Returned ? "Gửi lại sau khi bổ sung" : null, nowUtc);
        n.DueOn = cal.AddWorkingDays(VietnamDate(nowUtc), AppraisalWorkingDays);
        n.RecallRequest = null;
        n.RecallRequestedUtc = null;
        Notify.Users(db, await HandlersAsync(n, ct), NotificationKind.Info,
            Cut($"Hồ sơ đề nghị {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}) đã được gửi, chờ thẩm định đến hết ngày {VnFormat.Date(n.DueOn)}."), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    /// <summary>
    /// The handler accepts the appraisal: → Appraised, then in the same action → PublicComment (forms of
    /// <see cref="PublicCommentForms"/>, with the window) or → ReadyForCouncil. Returns the state reached.
    /// </summary>
    public async Task<NominationState> AcceptAsync(int id, int expectedVersion, string? note, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        var why = OptionalReason(note);
        if (n.State != NominationState.Submitted) throw Refused(n, "thẩm định", "chỉ thẩm định được hồ sơ đã gửi");
        if (n.RecallRequest is not null) throw new WorkflowRefusedException("Đơn vị đang đề nghị rút hồ sơ: hãy đồng ý hoặc từ chối việc rút trước khi thẩm định.");
        await AcceptLoadedAsync(n, why, user, nowUtc, ct);
        await SaveAsync(ct);
        return n.State;
    }

    private async Task AcceptLoadedAsync(Nomination n, string? why, string user, DateTime nowUtc, CancellationToken ct)
    {
        Move(n, NominationState.Appraised, user, why, nowUtc);
        if (RequiresPublicComment(n.Code))
        {
            var cal = await WorkingCalendar.LoadAsync(db, ct);
            var from = VietnamDate(nowUtc);
            var until = cal.AddWorkingDays(from, PublicCommentWorkingDays);
            Move(n, NominationState.PublicComment, user, $"Công khai lấy ý kiến từ {VnFormat.Date(from)} đến hết ngày {VnFormat.Date(until)}", nowUtc);
            n.PublicCommentFrom = from;
            n.PublicCommentUntil = until;
            n.DueOn = until;
        }
        else
        {
            Move(n, NominationState.ReadyForCouncil, user, "Không thuộc diện lấy ý kiến công khai", nowUtc);
            n.DueOn = null;
        }
    }

    /// <summary>The handler returns the dossier for completion (reason required); the unit's officers are notified.</summary>
    public async Task ReturnAsync(int id, int expectedVersion, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var why = RequiredReason(reason, "Lý do trả lại");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.Submitted) throw Refused(n, "trả lại", "chỉ trả lại được hồ sơ đã gửi");
        Move(n, NominationState.Returned, user, why, nowUtc);
        n.DueOn = null;
        n.RecallRequest = null;
        n.RecallRequestedUtc = null;
        Notify.Users(db, await OfficersAsync(n, ct), NotificationKind.DossierReturned,
            Cut($"Hồ sơ đề nghị {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}) bị trả lại để bổ sung: {why}"), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    /// <summary>The handler rejects the dossier (reason required; final).</summary>
    public async Task RejectAsync(int id, int expectedVersion, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var why = RequiredReason(reason, "Lý do không chấp nhận");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.Submitted) throw Refused(n, "không chấp nhận", "chỉ xét được hồ sơ đã gửi");
        Move(n, NominationState.Rejected, user, why, nowUtc);
        n.DueOn = null;
        n.RecallRequest = null;
        n.RecallRequestedUtc = null;
        Notify.Users(db, await OfficersAsync(n, ct), NotificationKind.Info,
            Cut($"Hồ sơ đề nghị {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}) không được chấp nhận: {why}"), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    /// <summary>The owning unit asks to recall a submitted dossier (reason required); the handlers are notified.</summary>
    public async Task RequestRecallAsync(int id, int expectedVersion, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var why = RequiredReason(reason, "Lý do rút hồ sơ");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.Submitted) throw Refused(n, "đề nghị rút", "chỉ đề nghị rút được hồ sơ đã gửi, chưa thẩm định");
        if (n.RecallRequest is not null) throw new WorkflowRefusedException("Đã có đề nghị rút hồ sơ này, đang chờ xử lý.");
        n.RecallRequest = why;
        n.RecallRequestedUtc = nowUtc;
        db.Audit(user, "Đề nghị rút hồ sơ đề nghị", EntityType, n.Id, $"trước: — → sau: đề nghị rút; lý do: {why}", nowUtc, n.Code);
        Notify.Users(db, await HandlersAsync(n, ct), NotificationKind.Info,
            Cut($"Đơn vị đề nghị rút hồ sơ {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}): {why}"), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    /// <summary>The handler grants the recall: the dossier goes back to the unit's draft.</summary>
    public async Task GrantRecallAsync(int id, int expectedVersion, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var why = OptionalReason(reason);
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.Submitted || n.RecallRequest is null) throw new WorkflowRefusedException("Hồ sơ không có đề nghị rút đang chờ xử lý.");
        var request = n.RecallRequest;
        Move(n, NominationState.Draft, user, $"Đồng ý rút hồ sơ (đề nghị: {request})" + (why is null ? "" : $"; {why}"), nowUtc);
        n.RecallRequest = null;
        n.RecallRequestedUtc = null;
        n.DueOn = null;
        Notify.Users(db, await OfficersAsync(n, ct), NotificationKind.Info,
            Cut($"Đã đồng ý rút hồ sơ {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}); hồ sơ trở về dự thảo."), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    /// <summary>
    /// The handler refuses the recall (reason required): the request is cleared, the dossier stays submitted. No state
    /// changes, so no transition: the refusal is an audit row, which the dossier's history shows beside the transitions.
    /// </summary>
    public async Task RefuseRecallAsync(int id, int expectedVersion, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var why = RequiredReason(reason, "Lý do từ chối rút hồ sơ");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.Submitted || n.RecallRequest is null) throw new WorkflowRefusedException("Hồ sơ không có đề nghị rút đang chờ xử lý.");
        db.Audit(user, RefuseRecallAction, EntityType, n.Id, $"trước: đề nghị rút ({n.RecallRequest}) → sau: từ chối; lý do: {why}", nowUtc, n.Code);
        n.RecallRequest = null;
        n.RecallRequestedUtc = null;
        Notify.Users(db, await OfficersAsync(n, ct), NotificationKind.Info,
            Cut($"Không đồng ý rút hồ sơ {await SubjectAsync(n, ct)} ({n.Code}, {n.Year}): {why}"), Url(n), nowUtc);
        await SaveAsync(ct);
    }

    public const string RequestRecallAction = "Đề nghị rút hồ sơ đề nghị", RefuseRecallAction = "Từ chối rút hồ sơ đề nghị";

    /// <summary>
    /// A comment on a dossier in public comment: from the public page while the window is open
    /// (<paramref name="onPaper"/> false), or received on paper and recorded by the handler while the dossier is
    /// still in public comment. Stored as Pending; the handlers are notified.
    /// </summary>
    public async Task<PublicCommentRecord> AddCommentAsync(int id, string? authorName, string? contact, string? text, bool onPaper, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var name = authorName?.Trim() ?? "";
        var how = contact?.Trim();
        var body = text?.Trim() ?? "";
        if (name.Length == 0) throw new WorkflowRefusedException("Họ tên người góp ý: không được để trống.");
        if (name.Length > MaxAuthor) throw new WorkflowRefusedException($"Họ tên người góp ý: tối đa {MaxAuthor} ký tự.");
        if (how is { Length: > MaxAuthor }) throw new WorkflowRefusedException($"Địa chỉ liên hệ: tối đa {MaxAuthor} ký tự.");
        if (body.Length < MinComment || body.Length > MaxComment) throw new WorkflowRefusedException($"Nội dung góp ý: từ {MinComment} đến {VnFormat.Number(MaxComment)} ký tự.");
        var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new WorkflowRefusedException("Không tìm thấy hồ sơ đề nghị.");
        var today = VietnamDate(nowUtc);
        if (n.State != NominationState.PublicComment) throw new WorkflowRefusedException("Hồ sơ này không còn trong thời gian lấy ý kiến công khai.");
        if (!onPaper && (n.PublicCommentFrom is not { } from || n.PublicCommentUntil is not { } until || today < from || today > until))
            throw new WorkflowRefusedException($"Hồ sơ này chỉ nhận góp ý đến hết ngày {VnFormat.Date(n.PublicCommentUntil)}.");
        var c = new PublicCommentRecord { NominationId = n.Id, ReceivedUtc = nowUtc, AuthorName = name, AuthorContact = string.IsNullOrEmpty(how) ? null : how, Text = body, Ruling = CommentRuling.Pending };
        db.PublicComments.Add(c);
        db.Audit(user, onPaper ? "Ghi ý kiến góp ý nhận bằng văn bản" : "Nhận ý kiến góp ý công khai", EntityType, n.Id,
            $"trước: — → sau: ý kiến của {name}: {Cut(body, 300)}", nowUtc, n.Code);
        Notify.Users(db, await HandlersAsync(n, ct), NotificationKind.Info,
            Cut($"Có ý kiến góp ý mới về hồ sơ {await SubjectAsync(n, ct)} ({n.Code}, {n.Year})."), Url(n), nowUtc);
        await SaveAsync(ct);
        return c;
    }

    /// <summary>
    /// The handler rules on a pending comment (reason required). Accepted: the dossier goes back to Submitted for a
    /// new appraisal. Dismissed: it stays in public comment.
    /// </summary>
    public async Task RuleCommentAsync(int id, int expectedVersion, int commentId, CommentRuling ruling, string? reason, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        if (ruling == CommentRuling.Pending) throw new WorkflowRefusedException("Kết luận: hãy chọn chấp nhận hoặc không chấp nhận ý kiến.");
        var why = RequiredReason(reason, "Lý do kết luận");
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (n.State != NominationState.PublicComment) throw Refused(n, "kết luận ý kiến góp ý", "chỉ kết luận khi hồ sơ đang lấy ý kiến công khai");
        var c = await db.PublicComments.FirstOrDefaultAsync(x => x.Id == commentId && x.NominationId == n.Id, ct)
            ?? throw new WorkflowRefusedException("Ý kiến góp ý: không có trong hồ sơ này.");
        if (c.Ruling != CommentRuling.Pending) throw new WorkflowRefusedException("Ý kiến góp ý này đã được kết luận.");
        c.Ruling = ruling;
        c.RulingReason = why;
        c.RuledBy = user;
        c.RuledUtc = nowUtc;
        db.Audit(user, "Kết luận ý kiến góp ý", EntityType, n.Id,
            $"trước: ý kiến của {c.AuthorName} chưa kết luận → sau: {(ruling == CommentRuling.Accepted ? "chấp nhận" : "không chấp nhận")}; lý do: {why}", nowUtc, n.Code);
        if (ruling == CommentRuling.Accepted)
        {
            var cal = await WorkingCalendar.LoadAsync(db, ct);
            Move(n, NominationState.Submitted, user, $"Chấp nhận ý kiến góp ý: {why}", nowUtc);
            n.DueOn = cal.AddWorkingDays(VietnamDate(nowUtc), AppraisalWorkingDays);
        }
        else Touch(n);
        await SaveAsync(ct);
    }

    /// <summary>Why "Chuyển Hội đồng" is not possible yet, or null when it is.</summary>
    public async Task<string?> WhyNotToCouncilAsync(Nomination n, DateTime nowUtc, CancellationToken ct = default)
    {
        if (n.State != NominationState.PublicComment) return $"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\": chỉ chuyển Hội đồng sau khi lấy ý kiến công khai.";
        if (n.PublicCommentUntil is { } until && VietnamDate(nowUtc) <= until)
            return $"Chưa hết thời gian lấy ý kiến công khai (đến hết ngày {VnFormat.Date(until)}): chỉ chuyển Hội đồng từ ngày {VnFormat.Date(until.AddDays(1))}.";
        var pending = await db.PublicComments.CountAsync(c => c.NominationId == n.Id && c.Ruling == CommentRuling.Pending, ct);
        return pending > 0 ? $"Còn {VnFormat.Number(pending)} ý kiến góp ý chưa kết luận: hãy kết luận từng ý kiến trước khi chuyển Hội đồng." : null;
    }

    /// <summary>"Chuyển Hội đồng": after the window ended and every comment is ruled.</summary>
    public async Task SendToCouncilAsync(int id, int expectedVersion, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        var n = await LoadForChangeAsync(id, expectedVersion, ct);
        if (await WhyNotToCouncilAsync(n, nowUtc, ct) is { } why) throw new WorkflowRefusedException(why);
        var comments = await db.PublicComments.CountAsync(c => c.NominationId == n.Id, ct);
        Move(n, NominationState.ReadyForCouncil, user, $"Hết thời gian lấy ý kiến; {VnFormat.Number(comments)} ý kiến đã kết luận", nowUtc);
        n.DueOn = null;
        await SaveAsync(ct);
    }

    /// <summary>
    /// Accepts each dossier the handler ticked, one save each: a dossier that changed since the list was shown (its
    /// version), that is no longer submitted, has a recall pending or that <paramref name="mayHandle"/> refuses is
    /// skipped and named.
    /// </summary>
    public async Task<BulkResult> BulkAcceptAsync(IReadOnlyList<BulkItem> items, Func<Nomination, bool> mayHandle, string user, DateTime nowUtc, CancellationToken ct = default)
    {
        if (items.Count > MaxBulk) throw new WorkflowRefusedException($"Hồ sơ được chọn: tối đa {MaxBulk} hồ sơ một lần.");
        var accepted = new List<string>();
        var skipped = new List<string>();
        foreach (var item in items.DistinctBy(i => i.Id))
        {
            db.ChangeTracker.Clear();
            var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == item.Id, ct);
            if (n is null || !mayHandle(n)) { skipped.Add($"Hồ sơ số {item.Id}: không tìm thấy hoặc không thuộc quyền xử lý của bạn"); continue; }
            var label = $"{await SubjectAsync(n, ct)} – {AwardName(n.Code)}";
            if (n.Version != item.Version) { skipped.Add($"{label}: hồ sơ vừa được thay đổi ({NominationWorkflow.StateName(n.State)})"); continue; }
            if (n.State != NominationState.Submitted) { skipped.Add($"{label}: đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\""); continue; }
            if (n.RecallRequest is not null) { skipped.Add($"{label}: đơn vị đang đề nghị rút hồ sơ"); continue; }
            db.Entry(n).Property(x => x.Version).OriginalValue = item.Version;
            await AcceptLoadedAsync(n, "Thẩm định theo lô", user, nowUtc, ct);
            try
            {
                await SaveAsync(ct);
                accepted.Add($"{label}: {NominationWorkflow.StateName(n.State)}");
            }
            catch (WorkflowConflictException)
            {
                skipped.Add($"{label}: hồ sơ vừa được thay đổi");
            }
        }
        db.ChangeTracker.Clear();
        return new BulkResult(accepted, skipped);
    }

    // ---- helpers ----

    public static string AwardName(string code) => Awards.AwardRecord.Name(code);

    public static string Url(Nomination n) => FormattableString.Invariant($"/Nominations/Workflow/Act/{n.Id}");

    /// <summary>The subject's name: the person's full name or the collective's unit name.</summary>
    public async Task<string> SubjectAsync(Nomination n, CancellationToken ct = default)
    {
        if (n.PersonId is { } pid)
        {
            var p = await db.People.AsNoTracking().Where(x => x.Id == pid).Select(x => new { x.FamilyName, x.MiddleName, x.GivenName }).FirstOrDefaultAsync(ct);
            return p is null ? "—" : VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName);
        }
        return await db.Units.AsNoTracking().Where(u => u.Id == n.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "—";
    }

    /// <summary>Who handles the dossier: bloc level → Admin and BlocSecretariat accounts; agency level → the agency's CouncilSecretariat and Admin.</summary>
    public async Task<List<string>> HandlersAsync(Nomination n, CancellationToken ct = default)
    {
        var admins = await AccountsInRolesAsync(n.Level == NominationLevel.Bloc ? [Roles.Admin, Roles.BlocSecretariat] : [Roles.Admin], ct);
        if (n.Level == NominationLevel.Agency) admins.AddRange(await Notify.AccountsOfAgencyAsync(db, n.AgencyId, [Roles.CouncilSecretariat], ct));
        return admins;
    }

    /// <summary>The proposing agency's officers (EmulationOfficer, CouncilSecretariat).</summary>
    public Task<List<string>> OfficersAsync(Nomination n, CancellationToken ct = default) =>
        Notify.AccountsOfAgencyAsync(db, n.AgencyId, [Roles.EmulationOfficer, Roles.CouncilSecretariat], ct);

    private Task<List<string>> AccountsInRolesAsync(string[] roles, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);

    private void Move(Nomination n, NominationState to, string user, string? reason, DateTime nowUtc)
    {
        var from = n.State;
        if (!NominationWorkflow.Move(db, n, to, user, reason, nowUtc))
            throw new WorkflowRefusedException($"Không chuyển được hồ sơ từ \"{NominationWorkflow.StateName(from)}\" sang \"{NominationWorkflow.StateName(to)}\".");
    }

    /// <summary>Marks the dossier changed, so its version moves on with a change that touched only its comments.</summary>
    private void Touch(Nomination n) => db.Entry(n).Property(x => x.StateChangedUtc).IsModified = true;

    private static WorkflowRefusedException Refused(Nomination n, string action, string rule) =>
        new($"Không thể {action}: hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\"; {rule}.");

    private static string RequiredReason(string? reason, string field)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) throw new WorkflowRefusedException($"{field}: không được để trống.");
        if (why.Length > MaxReason) throw new WorkflowRefusedException($"{field}: tối đa {VnFormat.Number(MaxReason)} ký tự.");
        return why;
    }

    private static string? OptionalReason(string? reason)
    {
        var why = reason?.Trim();
        if (why is { Length: > MaxReason }) throw new WorkflowRefusedException($"Ghi chú: tối đa {VnFormat.Number(MaxReason)} ký tự.");
        return string.IsNullOrEmpty(why) ? null : why;
    }

    private static string Cut(string s, int max = 1000) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private async Task<Nomination> LoadForChangeAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var n = await db.Nominations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new WorkflowRefusedException("Không tìm thấy hồ sơ đề nghị.");
        if (n.Version != expectedVersion) throw new WorkflowConflictException();
        // The version the user saw is the one the update must find; a save in between makes it fail.
        db.Entry(n).Property(x => x.Version).OriginalValue = expectedVersion;
        return n;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new WorkflowConflictException();
        }
    }
}
