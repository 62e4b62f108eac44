using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Creates or edits a draft: the bloc leader's (?scope=bloc), or an agency's (?agency=id), a decision or a cover letter upward (?kind=Upward).</summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scope, DecisionService service, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")] public int Year { get; set; }
        [Required(ErrorMessage = "Hãy chọn hình thức."), StringLength(20, ErrorMessage = "Hình thức không hợp lệ.")] public string Code { get; set; } = "BK_BO";
        public AwardBasis Basis { get; set; }
        [Range(1945, 2100, ErrorMessage = "Năm bắt đầu thời gian lập thành tích phải từ 1945 đến 2100.")] public int? PeriodFrom { get; set; }
        [Range(1945, 2100, ErrorMessage = "Năm kết thúc thời gian lập thành tích phải từ 1945 đến 2100.")] public int? PeriodTo { get; set; }
        [Required(ErrorMessage = "Hãy nhập trích yếu."), StringLength(500, ErrorMessage = "Trích yếu tối đa 500 ký tự.")] public string Subject { get; set; } = "";
        [StringLength(4000, ErrorMessage = "Căn cứ tối đa 4.000 ký tự.")] public string? Grounds { get; set; }
        [StringLength(200, ErrorMessage = "Người ký tối đa 200 ký tự.")] public string? SignerName { get; set; }
        [StringLength(200, ErrorMessage = "Chức vụ người ký tối đa 200 ký tự.")] public string? SignerTitle { get; set; }
        [StringLength(100, ErrorMessage = "Địa danh tối đa 100 ký tự.")] public string? Place { get; set; } = "Hà Nội";
        public DocumentSystem System { get; set; }
        [StringLength(2000, ErrorMessage = "Nơi nhận tối đa 2.000 ký tự.")] public string? Distribution { get; set; }
        [StringLength(300, ErrorMessage = "Cấp trình tối đa 300 ký tự.")] public string? HigherAuthority { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public DecisionKind Kind { get; set; }
    public int? Id { get; private set; }
    public string IssuerText { get; private set; } = "";

    private bool IsBloc => string.Equals(Scope, "bloc", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await DecisionAccess.ActorAsync(scope, User, ct);
        if (id is not null)
        {
            var (d, _) = await DecisionPages.LoadAsync(db, scope, User, id.Value, ct);
            if (d is null) return NotFound();
            if (!DecisionAccess.CanDraft(actor, d)) return Forbid();
            if (d.State != DecisionState.Draft) return RedirectToPage("Details", new { id });
            Id = id;
            Kind = d.Kind;
            IssuerText = d.BlocId is not null ? $"Khối trưởng {d.Bloc?.Name}" : d.IssuerAgency?.Name ?? "";
            Input = new InputModel
            {
                Year = d.Year, Code = d.Code, Basis = d.Basis, PeriodFrom = d.PeriodFrom, PeriodTo = d.PeriodTo, Subject = d.Subject, Grounds = d.Grounds,
                SignerName = d.SignerName, SignerTitle = d.SignerTitle, Place = d.Place, System = d.System, Distribution = d.Distribution, HigherAuthority = d.HigherAuthority, Version = d.Version,
            };
            return Page();
        }
        var check = await NewScopeAsync(actor, ct);
        if (check is not null) return check;
        var today = DateOnly.FromDateTime(VnFormat.ToVietnamTime(clock.GetUtcNow().UtcDateTime));
        var year = today.Year - 1;
        var bloc = IsBloc ? await db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstAsync(ct) : null;
        Input = new InputModel
        {
            Year = year, Code = "BK_BO", PeriodFrom = year, PeriodTo = year, Subject = DecisionRules.DefaultSubject("BK_BO", Kind, year),
            Grounds = DecisionRules.DefaultGrounds(today, IssuerText, IsBloc, bloc?.Name),
            SignerTitle = IsBloc ? "Khối trưởng" : "", System = DecisionRules.SystemOf(IssuerText, IsBloc),
            Distribution = "Như Điều 3\nLưu",
        };
        return Page();
    }

    private async Task<IActionResult?> NewScopeAsync(DecisionActor actor, CancellationToken ct)
    {
        if (IsBloc)
        {
            if (!DecisionAccess.CanCreate(actor, null)) return Forbid();
            var bloc = await db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstOrDefaultAsync(ct);
            if (bloc is null) return NotFound();
            IssuerText = $"Khối trưởng {bloc.Name}";
            return null;
        }
        var agency = Agency ?? actor.Agency;
        if (agency is null || agency <= 0) return NotFound();
        if (!DecisionAccess.CanCreate(actor, agency)) return Forbid();
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == agency, ct);
        if (unit is null) return NotFound();
        Agency = agency;
        IssuerText = unit.Name;
        return null;
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await DecisionAccess.ActorAsync(scope, User, ct);
        Decision? existing = null;
        if (id is not null)
        {
            var (d, _) = await DecisionPages.LoadAsync(db, scope, User, id.Value, ct);
            if (d is null) return NotFound();
            if (!DecisionAccess.CanDraft(actor, d)) return Forbid();
            existing = d;
            Id = id;
            Kind = d.Kind;
            IssuerText = d.BlocId is not null ? $"Khối trưởng {d.Bloc?.Name}" : d.IssuerAgency?.Name ?? "";
            if (d.State != DecisionState.Draft)
            {
                ModelState.AddModelError("", "Quyết định đã ban hành, không sửa được.");
                return Page();
            }
        }
        else if (await NewScopeAsync(actor, ct) is { } refused) return refused;
        if (!AwardRecord.Codes.ContainsKey(Input.Code ?? "")) ModelState.AddModelError("Input.Code", "Hình thức khen thưởng không có trong danh mục.");
        if (!Enum.IsDefined(Input.Basis)) ModelState.AddModelError("Input.Basis", "Loại thành tích không hợp lệ.");
        if (!Enum.IsDefined(Input.System)) ModelState.AddModelError("Input.System", "Thể thức văn bản không hợp lệ.");
        if (!ModelState.IsValid) return Page();
        var input = new DraftInput(Input.Year, Input.Code!, Input.Basis, Input.PeriodFrom, Input.PeriodTo, Input.Subject, Input.Grounds ?? "", Input.SignerName ?? "",
            Input.SignerTitle ?? "", Input.Place ?? "Hà Nội", Input.System, Input.Distribution ?? "", Kind == DecisionKind.Upward ? Input.HigherAuthority : null);
        if (DecisionService.Validate(input) is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        if (existing is not null)
        {
            var r = await service.UpdateDraftAsync(existing.Id, Input.Version, input, User.UserName(), ct);
            if (!r.Ok)
            {
                ModelState.AddModelError("", r.Error!);
                if (r.Conflict)
                {
                    Input.Version = await db.Decisions.Where(x => x.Id == existing.Id).Select(x => x.Version).FirstAsync(ct);
                    ModelState.Remove("Input.Version");
                }
                return Page();
            }
            TempData["Message"] = "Đã lưu dự thảo.";
            return RedirectToPage("Details", new { id = existing.Id });
        }
        int issuer;
        int? blocId = null;
        if (IsBloc)
        {
            var bloc = await db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstAsync(ct);
            blocId = bloc.Id;
            var leader = await service.BlocLeaderAsync(bloc.Id, Input.Year, ct);
            if (leader is null)
            {
                ModelState.AddModelError("Input.Year", $"Năm {Input.Year} khối chưa có khối trưởng: hãy phân công khối trưởng trước.");
                return Page();
            }
            issuer = leader.Value;
        }
        else issuer = Agency!.Value;
        var created = await service.CreateDraftAsync(issuer, blocId, Kind, input, User.UserName(), ct);
        TempData["Message"] = "Đã lập dự thảo.";
        return RedirectToPage("Details", new { id = created.Id });
    }
}
