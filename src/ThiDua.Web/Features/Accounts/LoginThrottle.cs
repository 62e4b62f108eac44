namespace ThiDua.Features.Accounts;

/// <summary>
/// Failed sign-ins from one client address in the current window: kept in the database so every app instance
/// throttles the same address, and so a lock-out of an account can be told apart from an attack on many.
/// </summary>
public sealed class LoginThrottle
{
    public int Id { get; set; }
    /// <summary>The client address (IPv4 or IPv6, as text).</summary>
    public required string Address { get; set; }
    public DateTime WindowStartUtc { get; set; }
    public int Failures { get; set; }
    /// <summary>While set and in the future, sign-ins from this address are refused without checking a password.</summary>
    public DateTime? BlockedUntilUtc { get; set; }
}
