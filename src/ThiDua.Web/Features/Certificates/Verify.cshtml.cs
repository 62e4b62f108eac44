using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Certificates;

/// <summary>
/// The public verification page a certificate's QR code opens: /xac-minh/{code}, no sign-in. Shows the recipient's
/// name and unit (no CCCD, no code of the civil-servant register, nothing else), the form, the decision, the register
/// number, and whether the award stands or was revoked. An unknown or malformed code: "Không tìm thấy", status 404.
/// Each miss counts as a failed sign-in of the client address (<see cref="SignInGuard"/>), so guessing codes at scale
/// is blocked like guessing passwords — on top of the 60 bits a code carries.
/// </summary>
public sealed class VerifyModel(CertificateService certificates, SignInGuard guard) : PageModel
{
    public CertificateRecord? Certificate { get; private set; }
    public DateTime? Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var address = SignInGuard.AddressKey(HttpContext.Connection.RemoteIpAddress);
        if (await guard.BlockedUntilAsync(address, ct) is { } until)
        {
            Blocked = until;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        Certificate = await certificates.FindAsync(code, ct);
        if (Certificate is null)
        {
            await guard.CountFailureAsync(address, ct);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
