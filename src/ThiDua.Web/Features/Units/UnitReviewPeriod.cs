namespace ThiDua.Features.Units;

/// <summary>
/// A period during which a collective is under inspection, investigation or a complaint (đang thanh tra,
/// kiểm tra, giải quyết khiếu nại, tố cáo): while it is open, the collective is not commended (its verdicts are deferred).
/// </summary>
public sealed class UnitReviewPeriod
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly From { get; set; }
    /// <summary>Null while the review is still open.</summary>
    public DateOnly? To { get; set; }
    public required string Reason { get; set; }
    public string? DecisionNumber { get; set; }

    public bool IsOpenOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <summary>The fields as the audit log records them, so each change shows its before and after values.</summary>
    public string AuditText() =>
        $"từ {Infrastructure.VnFormat.Date(From)} đến {(To is null ? "nay (chưa kết thúc)" : Infrastructure.VnFormat.Date(To))}; lý do: {Reason}; số QĐ: {DecisionNumber ?? "—"}";
}
