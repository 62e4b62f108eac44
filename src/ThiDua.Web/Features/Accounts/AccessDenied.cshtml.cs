using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Features.Accounts;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
