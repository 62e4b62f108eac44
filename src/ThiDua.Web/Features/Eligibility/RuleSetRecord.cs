namespace ThiDua.Features.Eligibility;

/// <summary>A rule-set file an administrator loaded; the newest per code replaces the built-in one.</summary>
public sealed class RuleSetRecord
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Version { get; set; }
    public required string Json { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
}
