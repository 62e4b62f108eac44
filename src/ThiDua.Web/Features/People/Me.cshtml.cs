using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>"My record": a staff member's own history, reached from the menu.</summary>
public sealed class MeModel : PageModel
{
    public IActionResult OnGet() =>
        int.TryParse(User.FindFirst(ClaimNames.PersonId)?.Value, out var id)
            ? RedirectToPage("Details", new { id })
            : NotFound();
}
