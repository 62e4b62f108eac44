namespace ThiDua.Features.People;

public enum ImportJobState { Queued, Running, Succeeded, Rejected, Failed }

/// <summary>
/// One upload of the people workbook. Kept in the database (not in memory) so progress can be read from
/// any app instance and survives a page reload.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public byte[] Content { get; set; } = [];
    public required string UserName { get; set; }
    /// <summary>Units the uploader may write to; null means every unit.</summary>
    public string? AllowedUnitIds { get; set; }
    public bool AcceptValidRowsOnly { get; set; }
    public ImportJobState State { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int AcceptedRows { get; set; }
    public int RejectedRows { get; set; }
    public int CreatedPeople { get; set; }
    public int UpdatedPeople { get; set; }
    public int UnchangedPeople { get; set; }
    public int ChangedHistoryRows { get; set; }
    /// <summary>The per-row report as JSON: sheet, row, personal code, status, messages.</summary>
    public string? ReportJson { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}
