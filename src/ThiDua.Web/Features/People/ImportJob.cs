namespace ThiDua.Features.People;

public enum ImportJobState { Queued, Running, Succeeded, Rejected, Failed }

/// <summary>
/// One upload of the people workbook: a durable job any app instance can take. Progress is on the row, so
/// every instance reads it; the uploaded file lies in the shared uploads folder (Storage:UploadsPath).
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    /// <summary>The upload's name inside the uploads folder; null once the job is finished and the file removed.</summary>
    public string? StoredFileName { get; set; }
    public long FileBytes { get; set; }
    /// <summary>The instance working on the job (<c>Instance:Name</c>, else host and process id).</summary>
    public string? WorkerId { get; set; }
    public DateTime? ClaimedUtc { get; set; }
    /// <summary>Renewed while the job runs; a running job whose heartbeat is stale lost its instance.</summary>
    public DateTime? HeartbeatUtc { get; set; }
    /// <summary>How many times an instance has taken the job.</summary>
    public int Attempts { get; set; }
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
