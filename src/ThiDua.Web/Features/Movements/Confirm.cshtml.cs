using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements;

/// <summary>Launching, ending or copying a movement, each confirmed on this page first (op = launch, end, clone).</summary>
public sealed class ConfirmModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    [FromQuery(Name = "op")] public string? Op { get; set; }
    public Movement Movement { get; private set; } = null!;
    public int TargetCount { get; private set; }
    public string? Problem { get; private set; }

    public string Title => Op switch
    {
        "launch" => "Phát động phong trào",
        "end" => "Kết thúc phong trào",
        _ => "Sao chép phong trào sang năm sau",
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (Op is not ("launch" or "end" or "clone")) return NotFound();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var m = await db.Movements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return NotFound();
        if (!MovementService.CanManage(m, actor)) return Forbid();
        Movement = m;
        TargetCount = await db.MovementTargets.CountAsync(t => t.MovementId == id, ct);
        if (Op == "launch" && m.State != MovementState.Draft) Problem = "Phong trào không còn là dự thảo nên không phát động lại được.";
        if (Op == "end" && m.State != MovementState.Launched) Problem = "Chỉ kết thúc được phong trào đang ở trạng thái đã phát động.";
        if (Op == "launch" && Problem is null && !m.IsNational && TargetCount == 0) Problem = "Chưa chọn đơn vị được phát động: hãy sửa phong trào và chọn ít nhất một đơn vị trước khi phát động.";
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Problem is not null) return Page();
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var outcome = Op switch
        {
            "launch" => await service.LaunchAsync(id, version, actor, ct),
            "end" => await service.EndAsync(id, version, actor, ct),
            _ => await service.CloneAsync(id, actor, ct),
        };
        if (!outcome.Ok)
        {
            Problem = outcome.Conflict ? "Phong trào vừa được người khác thay đổi; hãy xem lại nội dung bên dưới rồi xác nhận lần nữa." : outcome.Error;
            Movement = await db.Movements.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            return Page();
        }
        TempData["Message"] = Op switch
        {
            "launch" => "Đã phát động phong trào; các đơn vị được phát động đã thấy phong trào trong danh sách của mình.",
            "end" => "Đã kết thúc phong trào.",
            _ => "Đã sao chép phong trào sang năm sau (dự thảo). Hãy xem lại trước khi phát động.",
        };
        return RedirectToPage("Details", new { id = outcome.Id });
    }
}
