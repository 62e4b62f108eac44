using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Features.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
