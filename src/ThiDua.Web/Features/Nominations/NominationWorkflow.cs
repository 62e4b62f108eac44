using ThiDua.Data;

namespace ThiDua.Features.Nominations;

/// <summary>
/// The one place a dossier changes state. Pages and other features (councils, decisions) call <see cref="Move"/>;
/// it refuses a move the table does not allow, writes the transition (who, when, from, to, why) and an audit row,
/// all saved by the caller's SaveChanges together with the change that caused it.
/// </summary>
public static class NominationWorkflow
{
    /// <summary>The moves a dossier may make. No state is skipped: public comment and the council come in order.</summary>
    public static readonly IReadOnlyDictionary<NominationState, NominationState[]> Allowed = new Dictionary<NominationState, NominationState[]>
    {
        [NominationState.Draft] = [NominationState.Submitted],
        // Returned, rejected or accepted by the secretariat; a granted recall takes it back to the unit's draft.
        [NominationState.Submitted] = [NominationState.Returned, NominationState.Rejected, NominationState.Appraised, NominationState.Draft],
        [NominationState.Returned] = [NominationState.Submitted],
        [NominationState.Rejected] = [],
        // Forms that need public comment go there; the others straight to the council.
        [NominationState.Appraised] = [NominationState.PublicComment, NominationState.ReadyForCouncil],
        // An accepted comment sends the dossier back to appraisal.
        [NominationState.PublicComment] = [NominationState.ReadyForCouncil, NominationState.Submitted],
        [NominationState.ReadyForCouncil] = [NominationState.CouncilApproved, NominationState.CouncilRefused],
        [NominationState.CouncilApproved] = [NominationState.Decided, NominationState.SubmittedUpward],
        [NominationState.CouncilRefused] = [],
        [NominationState.SubmittedUpward] = [NominationState.Decided, NominationState.NotDecided],
        [NominationState.Decided] = [],
        [NominationState.NotDecided] = [],
    };

    public static bool CanMove(NominationState from, NominationState to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Moves the dossier and records it; false (and nothing changed) when the move is not allowed.</summary>
    public static bool Move(AppDbContext db, Nomination n, NominationState to, string userName, string? reason, DateTime nowUtc)
    {
        if (!CanMove(n.State, to)) return false;
        var from = n.State;
        n.State = to;
        n.StateChangedUtc = nowUtc;
        var t = new NominationTransition { NominationId = n.Id, From = from, To = to, AtUtc = nowUtc, UserName = userName, Reason = reason };
        if (n.Id == 0) n.Transitions.Add(t); else db.NominationTransitions.Add(t);
        db.Audit(userName, "Chuyển trạng thái hồ sơ đề nghị", nameof(Nomination), n.Id,
            $"trước: {StateName(from)} → sau: {StateName(to)}" + (string.IsNullOrWhiteSpace(reason) ? "" : $"; lý do: {reason}"),
            nowUtc, code: n.Code);
        return true;
    }

    public static string StateName(NominationState s) => s switch
    {
        NominationState.Draft => "Dự thảo",
        NominationState.Submitted => "Đã gửi, chờ thẩm định",
        NominationState.Returned => "Trả lại để bổ sung",
        NominationState.Rejected => "Không chấp nhận",
        NominationState.Appraised => "Đã thẩm định",
        NominationState.PublicComment => "Đang lấy ý kiến công khai",
        NominationState.ReadyForCouncil => "Chờ Hội đồng xét",
        NominationState.CouncilApproved => "Hội đồng đồng ý",
        NominationState.CouncilRefused => "Hội đồng không đồng ý",
        NominationState.SubmittedUpward => "Đã trình cấp trên",
        NominationState.Decided => "Đã có quyết định",
        _ => "Cấp trên không khen thưởng",
    };

    public static string DocumentKindName(DossierDocumentKind k) => k switch
    {
        DossierDocumentKind.CoverLetter => "Tờ trình",
        DossierDocumentKind.AchievementReport => "Báo cáo thành tích",
        DossierDocumentKind.Minutes => "Biên bản",
        DossierDocumentKind.Initiative => "Sáng kiến",
        DossierDocumentKind.ResearchProject => "Đề tài",
        DossierDocumentKind.Decision => "Quyết định",
        _ => "Ý kiến góp ý",
    };
}
