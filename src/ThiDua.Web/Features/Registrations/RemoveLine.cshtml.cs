using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>Removing a line of a draft or returned registration, confirmed on its own page.</summary>
public sealed class RemoveLineModel(AppDbContext db, UnitScopeService scopes, RegistrationService service, TimeProvider clock) : PageModel
{
    public int RegistrationId { get; private set; }
    public int Year { get; private set; }
    public string Agency { get; private set; } = "";
    public int LineId { get; private set; }
    public string LineText { get; private set; } = "";
    public int Version { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, int? line, CancellationToken ct)
    {
        var reg = await db.Registrations.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Id, r.UnitId, r.Year, r.State, r.Version, Agency = r.Unit!.Name }).FirstOrDefaultAsync(ct);
        if (reg is null) return NotFound();
        var access = await RegistrationAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(reg.UnitId)) return Forbid();
        if (!access.CanDraft(reg.UnitId)) return Forbid();
        var l = line is { } lid ? await db.RegistrationLines.AsNoTracking().FirstOrDefaultAsync(x => x.Id == lid && x.RegistrationId == id, ct) : null;
        if (l is null) return NotFound();
        (RegistrationId, Year, Agency, LineId, Version) = (reg.Id, reg.Year, reg.Agency, l.Id, reg.Version);
        LineText = await service.LineTextAsync(l, ct);
        if (!RegistrationRules.IsEditable(reg.State))
            Problem = $"Bản đăng ký đang ở trạng thái \"{RegistrationRules.StateName(reg.State)}\": chỉ sửa được khi là dự thảo hoặc bị trả lại.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? line, CancellationToken ct) => await LoadAsync(id, line, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int? line, int? version, CancellationToken ct)
    {
        if (await LoadAsync(id, line, ct) is { } refused) return refused;
        try
        {
            await service.RemoveLineAsync(id, version ?? -1, LineId, User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (RegistrationRefusedException ex)
        {
            Problem = ex.Message;
            return Page();
        }
        catch (RegistrationConflictException ex)
        {
            Problem = ex.Message;
            return Page();
        }
        TempData["Message"] = "Đã xóa dòng đăng ký.";
        return RedirectToPage("Edit", new { id });
    }
}
