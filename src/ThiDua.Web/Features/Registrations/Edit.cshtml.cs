using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>
/// One agency's registration for a year: its lines with the engine's hint for people, the forms to add lines while it is
/// a draft or returned, and the transitions (submit; return with a reason and approve for the bloc secretariat).
/// </summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, RegistrationService service, RuleBookStore rules, TimeProvider clock) : PageModel
{
    public sealed record Header(int Id, int UnitId, string Agency, string AgencyCode, int Year, int? MovementId, RegistrationState State,
        DateTime? SubmittedUtc, string? SubmittedBy, DateTime? DecidedUtc, string? DecidedBy, string? ReturnReason, int Version);
    public sealed record LineRow(int Id, RegistrationSubject Subject, int? UnitId, string? UnitName, int? PersonId, string? PersonName, string? PersonalCode, string Code, string? Note);
    public sealed record PersonOption(int Id, string Name, string PersonalCode, string? Unit);

    public sealed class LineInput
    {
        [Display(Name = "Đối tượng")] public RegistrationSubject Subject { get; set; }
        [Display(Name = "Đơn vị trực thuộc"), Range(1, int.MaxValue, ErrorMessage = "Đơn vị trực thuộc không hợp lệ.")] public int? UnitId { get; set; }
        [Display(Name = "Cá nhân"), Range(1, int.MaxValue, ErrorMessage = "Cá nhân không hợp lệ.")] public int? PersonId { get; set; }
        [Display(Name = "Danh hiệu, hình thức"), Required(ErrorMessage = "Hãy chọn danh hiệu hoặc hình thức."), StringLength(20, ErrorMessage = "Mã danh hiệu, hình thức tối đa 20 ký tự.")] public string? Code { get; set; }
        [Display(Name = "Ghi chú"), StringLength(RegistrationRules.MaxNote, ErrorMessage = "Ghi chú tối đa 1.000 ký tự.")] public string? Note { get; set; }
    }

    /// <summary>The line form, bound by the AddLine handler only (the other forms carry no line).</summary>
    public LineInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty, StringLength(RegistrationRules.MaxReason, ErrorMessage = "Lý do trả lại tối đa 1.000 ký tự.")] public string? Reason { get; set; }
    /// <summary>The person search (name or personal code) within the agency.</summary>
    [BindProperty(SupportsGet = true), StringLength(RegistrationRules.MaxSearch, ErrorMessage = "Từ khóa tìm kiếm tối đa 100 ký tự.")] public string? Q { get; set; }

    public Header Reg { get; private set; } = null!;
    /// <summary>The movement the registration answers, by name (Theme) and year.</summary>
    public MovementOption? Movement { get; private set; }
    public List<LineRow> Lines { get; private set; } = [];
    public RegistrationHints.Result Hints { get; private set; } = new(0, null, new Dictionary<(int, string), LineHint>());
    public List<Units.UnitOption> SubUnits { get; private set; } = [];
    public List<PersonOption> Found { get; private set; } = [];
    public string? SearchProblem { get; private set; }
    public RegistrationAccess Access { get; private set; } = null!;
    public bool CanDraft => Access.CanDraft(Reg.UnitId) && RegistrationRules.IsEditable(Reg.State);
    public bool CanSubmit => Access.CanDraft(Reg.UnitId) && RegistrationRules.CanMove(Reg.State, RegistrationState.Submitted);
    public bool CanDecide => Access.CanDecide && Reg.State == RegistrationState.Submitted;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Version = Reg.Version;
        return Page();
    }

    /// <summary>Reads the registration and what the page shows; null when the user may read it.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var reg = await db.Registrations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new Header(r.Id, r.UnitId, r.Unit!.Name, r.Unit.Code, r.Year, r.MovementId, r.State, r.SubmittedUtc, r.SubmittedBy, r.DecidedUtc, r.DecidedBy, r.ReturnReason, r.Version))
            .FirstOrDefaultAsync(ct);
        if (reg is null) return NotFound();
        Access = await RegistrationAccess.ForAsync(User, scopes, ct);
        if (!Access.CanRead(reg.UnitId)) return Forbid();
        Reg = reg;
        if (reg.MovementId is { } mid)
            Movement = await db.Movements.AsNoTracking().Where(m => m.Id == mid).Select(m => new MovementOption(m.Id, m.Theme, m.Year, false)).FirstOrDefaultAsync(ct);
        var lines = await db.RegistrationLines.AsNoTracking().Where(l => l.RegistrationId == id)
            .Select(l => new
            {
                l.Id, l.Subject, l.SubjectUnitId, UnitName = l.SubjectUnit != null ? l.SubjectUnit.Name : null, UnitSort = l.SubjectUnit != null ? l.SubjectUnit.SortKey : null,
                l.PersonId, l.Person!.FamilyName, l.Person.MiddleName, l.Person.GivenName, PersonalCode = l.Person != null ? l.Person.PersonalCode : null,
                PersonSort = l.Person != null ? l.Person.SortKey : null, l.Code, l.Note,
            }).ToListAsync(ct);
        Lines = lines.OrderBy(l => l.Subject).ThenBy(l => l.UnitSort ?? l.PersonSort, StringComparer.Ordinal).ThenBy(l => l.Id)
            .Select(l => new LineRow(l.Id, l.Subject, l.SubjectUnitId, l.UnitName, l.PersonId,
                l.PersonalCode is null ? null : VietnameseText.FullName(l.FamilyName, l.MiddleName, l.GivenName), l.PersonalCode, l.Code, l.Note)).ToList();
        Hints = await RegistrationHints.ForPeopleAsync(db, rules, reg.Year, Lines.Where(l => l.PersonId is not null).Select(l => (l.PersonId!.Value, l.Code)).ToList(), ct);
        if (CanDraft)
        {
            var all = new AccessScope(true, new HashSet<int>(), null, false);
            SubUnits = (await Units.UnitTree.OptionsAsync(db, all, ct)).ToList();
            var under = await UnitScopeService.SubtreeAsync(db, reg.UnitId, ct);
            SubUnits = SubUnits.Where(u => u.Id != reg.UnitId && under.Contains(u.Id)).ToList();
            await SearchAsync(all, ct);
        }
        return null;
    }

    /// <summary>Up to 20 active people of the agency matching the search, as the people list finds them.</summary>
    private async Task SearchAsync(AccessScope all, CancellationToken ct)
    {
        if (ModelState.TryGetValue(nameof(Q), out var e) && e.Errors.Count > 0 || Q is { Length: > RegistrationRules.MaxSearch })
        {
            SearchProblem = $"Từ khóa tìm kiếm tối đa {RegistrationRules.MaxSearch} ký tự.";
            ModelState.Remove(nameof(Q));
            Q = Q?[..Math.Min(Q.Length, RegistrationRules.MaxSearch)];
            return;
        }
        if (string.IsNullOrWhiteSpace(Q) && Input.PersonId is null) return;
        IQueryable<Person> q;
        if (!string.IsNullOrWhiteSpace(Q)) q = await new PeopleFilter(Q, Reg.UnitId, null).ApplyAsync(db, all, ct);
        else
        {
            // Only a person of this agency is shown again, whatever id was posted.
            var chosen = Input.PersonId;
            q = (await new PeopleFilter(null, Reg.UnitId, null).ApplyAsync(db, all, ct)).Where(p => p.Id == chosen);
        }
        Found = (await q.Take(20).Select(p => new { p.Id, p.FamilyName, p.MiddleName, p.GivenName, p.PersonalCode, Unit = p.CurrentUnit!.Name }).ToListAsync(ct))
            .Select(p => new PersonOption(p.Id, VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName), p.PersonalCode, p.Unit)).ToList();
        if (Found.Count == 0 && !string.IsNullOrWhiteSpace(Q)) SearchProblem = $"Không tìm thấy cán bộ nào của {Reg.Agency} khớp \"{Q.Trim()}\".";
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Runs a change the user may make; refusals and conflicts come back on the page with what was typed.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<RegistrationAccess, Header, bool> allowed, Func<Task> change, string done, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!allowed(Access, Reg)) return Forbid();
        if (!ModelState.IsValid)
        {
            SayUnreadableInVietnamese();
            return Page();
        }
        try
        {
            await change();
        }
        catch (RegistrationRefusedException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
        catch (RegistrationConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Version = Reg.Version;
            ModelState.Remove(nameof(Version));
            return Page();
        }
        TempData["Message"] = done;
        return RedirectToPage("Edit", new { id });
    }

    private static readonly (string Key, string Field)[] Fields =
        [("Input.Subject", "Đối tượng"), ("Input.UnitId", "Đơn vị trực thuộc"), ("Input.PersonId", "Cá nhân"), ("Version", "Phiên bản bản đăng ký")];

    /// <summary>Model binding's English "The value … is not valid" becomes a Vietnamese message naming the field.</summary>
    private void SayUnreadableInVietnamese()
    {
        foreach (var (key, field) in Fields)
        {
            if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) continue;
            entry.Errors.Clear();
            ModelState.AddModelError(key, $"Trường \"{field}\" không hợp lệ; hãy chọn lại trong danh sách.");
        }
    }

    public Task<IActionResult> OnPostAddLineAsync(int id, [Bind(Prefix = "Input")] LineInput input, CancellationToken ct)
    {
        Input = input;
        return ChangeAsync(id, (a, r) => a.CanDraft(r.UnitId),
            async () => await service.AddLineAsync(id, Version, new NewLine(Input.Subject, Input.UnitId, Input.PersonId, Input.Code ?? "", Input.Note), User.UserName(), Now, ct),
            "Đã thêm dòng đăng ký.", ct);
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, (a, r) => a.CanDraft(r.UnitId), () => service.SubmitAsync(id, Version, User.UserName(), Now, ct), "Đã nộp bản đăng ký thi đua.", ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, (a, _) => a.CanDecide, () => service.ReturnAsync(id, Version, Reason, User.UserName(), Now, ct), "Đã trả lại bản đăng ký thi đua.", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, (a, _) => a.CanDecide, () => service.ApproveAsync(id, Version, User.UserName(), Now, ct), "Đã duyệt bản đăng ký thi đua.", ct);

    /// <summary>This registration's lines as .xlsx; recorded in the audit (names and personal codes leave the app).</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var lines = await RegistrationSummary.LinesAsync(db, Reg.Year, Reg.UnitId, ct);
        var bytes = RegistrationSummary.Workbook(null, lines);
        db.Audit(User.UserName(), "Xuất bản đăng ký thi đua", RegistrationService.EntityType, Reg.Id, $"{Reg.Agency} năm {Reg.Year}; {VnFormat.Number(lines.Count)} dòng",
            code: RegistrationService.AuditCode(Reg.AgencyCode, Reg.Year));
        await db.SaveChangesAsync(ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RegistrationRules.ExportFileName(Reg.Year, Reg.AgencyCode));
    }

    public static string CodeName(string code) => AwardRecord.Name(code);
}
