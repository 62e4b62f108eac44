using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>"My record": a staff member's own history, reached from the menu; an account with no record linked is told so.</summary>
public sealed class MeModel : PageModel
{
    public IActionResult OnGet() =>
        int.TryParse(User.FindFirst(ClaimNames.PersonId)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? RedirectToPage("Details", new { id })
            : Page();
}
