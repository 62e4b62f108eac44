namespace ThiDua.Infrastructure;

/// <summary>
/// The name of this app instance: <c>Instance:Name</c>, else host name and process id. Jobs record it as the
/// instance working on them, so several instances over one database can tell their own work from another's.
/// </summary>
public sealed class InstanceIdentity(IConfiguration config)
{
    /// <summary>The width of the column that stores it (ImportJob.WorkerId).</summary>
    public const int MaxLength = 100;

    public string Name { get; } = NameFrom(config["Instance:Name"]);

    internal static string NameFrom(string? configured)
    {
        // Two processes on one host (a rolling restart) must not share a name, hence the process id.
        var name = string.IsNullOrWhiteSpace(configured)
            ? FormattableString.Invariant($"{Environment.MachineName}:{Environment.ProcessId}")
            : configured.Trim();
        return name.Length > MaxLength ? name[..MaxLength] : name;
    }
}
