namespace ThiDua.Infrastructure;

/// <summary>
/// Optimistic concurrency that works the same on SQLite and PostgreSQL: the version is a concurrency
/// token bumped on every save, so a stale edit fails instead of overwriting another officer's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
