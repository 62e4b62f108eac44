namespace ThiDua.Features.Audit;

/// <summary>Who changed what and when; written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    /// <summary>The entity's database id (stable); codes and names change.</summary>
    public required string EntityId { get; set; }
    /// <summary>The code or name people know the entity by at the time of the change (personal code, unit code), shown beside the id.</summary>
    public string? EntityCode { get; set; }
    public string? Details { get; set; }
}
