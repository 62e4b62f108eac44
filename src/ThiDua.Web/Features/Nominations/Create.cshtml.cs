using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Features.Registrations;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// A new dossier: the subject (a person of the agency found by name or personal code, or the agency or a unit under
/// it), the title or form valid for that subject, year, level, movement, basis and period. The agency is the
/// officer's own (never posted); the bloc secretariat chooses it.
/// </summary>
public sealed class CreateModel(AppDbContext db, UnitScopeService scopes, DossierService service, RegistrationService registrations, TimeProvider clock) : PageModel
{
    public sealed record PersonOption(int Id, string Name, string PersonalCode, string? Unit);

    public sealed class CreateInput
    {
        public int? PersonId { get; set; }
        public int? UnitId { get; set; }
        public string? Code { get; set; }
        public string? Level { get; set; }
        public int? MovementId { get; set; }
        public string? Basis { get; set; }
        public int? PeriodFrom { get; set; }
        public int? PeriodTo { get; set; }
        public string? Achievement { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    /// <summary>"Person" or "Collective".</summary>
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public CreateInput Input { get; set; } = new();

    public DossierAccess Access { get; private set; } = null!;
    public int ShownYear { get; private set; }
    public int? AgencyId { get; private set; }
    public string? AgencyName { get; private set; }
    public NominationSubject Kind { get; private set; } = NominationSubject.Person;
    public List<(int Id, string Name)> Agencies { get; private set; } = [];
    public List<PersonOption> Found { get; private set; } = [];
    public List<UnitOption> Collectives { get; private set; } = [];
    public List<MovementOption> Movements { get; private set; } = [];
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!Access.CanCreate) return Forbid();
        var thisYear = clock.VietnamYear();
        if (Bad(nameof(Year)) || Year is { } y && !DossierRules.InYearRange(y))
        {
            Problems.Add($"{DossierRules.YearRangeMessage()} Đang dùng năm {thisYear - 1}.");
            Year = null;
        }
        ShownYear = Year ?? thisYear - 1;
        if (!string.IsNullOrEmpty(Subject))
        {
            if (Subject == nameof(NominationSubject.Collective)) Kind = NominationSubject.Collective;
            else if (Subject != nameof(NominationSubject.Person)) { Problems.Add("Đối tượng: hãy chọn cá nhân hoặc tập thể."); Subject = null; }
        }
        if (Access.Secretariat)
        {
            Agencies = (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency).Select(u => new { u.Id, u.Name, u.SortKey }).ToListAsync(ct))
                .OrderBy(u => u.SortKey, StringComparer.Ordinal).Select(u => (u.Id, u.Name)).ToList();
            if (Bad(nameof(Agency)) || Agency is { } a && Agencies.All(x => x.Id != a))
            {
                Problems.Add("Cơ quan đề nghị: không có trong danh sách. Hãy chọn lại.");
                Agency = null;
            }
            AgencyId = Agency ?? (Access.OwnAgencyId is { } own && Agencies.Any(x => x.Id == own) ? own : null);
        }
        else
        {
            // The officer's agency comes from the account, whatever was posted or typed in the address.
            AgencyId = Access.OwnAgencyId;
        }
        if (AgencyId is not { } agency) return null;
        AgencyName = await db.Units.AsNoTracking().Where(u => u.Id == agency).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var all = new AccessScope(true, new HashSet<int>(), null, false);
        var under = await UnitScopeService.SubtreeAsync(db, agency, ct);
        Collectives = (await Units.UnitTree.OptionsAsync(db, all, ct)).Where(u => under.Contains(u.Id)).ToList();
        Movements = await registrations.MovementOptionsAsync(agency, ShownYear, ct);
        if (Q is { Length: > DossierRules.MaxSearch })
        {
            Problems.Add($"Tìm cán bộ: tối đa {DossierRules.MaxSearch} ký tự.");
            Q = Q[..DossierRules.MaxSearch];
        }
        if (Kind == NominationSubject.Person && (!string.IsNullOrWhiteSpace(Q) || Input.PersonId is not null))
        {
            IQueryable<Person> q = !string.IsNullOrWhiteSpace(Q)
                ? await new PeopleFilter(Q, agency, null).ApplyAsync(db, all, ct)
                : (await new PeopleFilter(null, agency, null).ApplyAsync(db, all, ct)).Where(p => p.Id == Input.PersonId);
            Found = (await q.Where(p => p.IsActive).Take(20).Select(p => new { p.Id, p.FamilyName, p.MiddleName, p.GivenName, p.PersonalCode, Unit = p.CurrentUnit!.Name }).ToListAsync(ct))
                .Select(p => new PersonOption(p.Id, VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName), p.PersonalCode, p.Unit)).ToList();
            if (Found.Count == 0 && !string.IsNullOrWhiteSpace(Q)) Problems.Add($"Không tìm thấy cán bộ đang công tác nào của {AgencyName} khớp \"{Q.Trim()}\".");
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    private static readonly (string Key, string Field)[] Fields =
    [
        ("Input.PersonId", "Cá nhân"), ("Input.UnitId", "Tập thể"), ("Input.MovementId", "Phong trào"),
        ("Input.PeriodFrom", "Thời gian lập thành tích (từ năm)"), ("Input.PeriodTo", "Thời gian lập thành tích (đến năm)"),
    ];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var unreadable = Fields.Where(f => Bad(f.Key)).Select(f => $"{f.Field}: giá trị không hợp lệ.").ToList();
        if (await LoadAsync(ct) is { } refused) return refused;
        if (AgencyId is not { } agency)
        {
            ModelState.AddModelError("", "Cơ quan đề nghị: hãy chọn cơ quan.");
            return Page();
        }
        foreach (var u in unreadable) ModelState.AddModelError("", u);
        if (string.IsNullOrEmpty(Subject)) ModelState.AddModelError("", "Đối tượng: hãy chọn cá nhân hoặc tập thể.");
        if (!TryEnum<NominationLevel>(Input.Level, out var level)) ModelState.AddModelError("", "Cấp xét: hãy chọn cấp cơ quan hoặc cấp khối.");
        if (!TryEnum<AwardBasis>(Input.Basis, out var basis)) ModelState.AddModelError("", "Loại thành tích: hãy chọn công trạng, đột xuất hoặc chuyên đề.");
        if (Input.Achievement is { Length: > DossierRules.MaxAchievement }) ModelState.AddModelError("", $"Nội dung thành tích: tối đa {VnFormat.Number(DossierRules.MaxAchievement)} ký tự.");
        if (ModelState.ErrorCount > 0) return Page();
        try
        {
            var n = await service.CreateAsync(new NewDossier(agency, Kind, Kind == NominationSubject.Person ? Input.PersonId : null, Kind == NominationSubject.Collective ? Input.UnitId : null,
                Input.Code ?? "", ShownYear, level, Input.MovementId, basis, Input.PeriodFrom, Input.PeriodTo, Input.Achievement), User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = "Đã lập hồ sơ đề nghị (dự thảo). Báo cáo thành tích đã được điền sẵn từ cơ sở dữ liệu; hãy xem lại và bổ sung.";
            return RedirectToPage("Details", new { id = n.Id });
        }
        catch (DossierRefusedException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
    }

    /// <summary>A posted enum name (never a number, never an undefined value); the terms page parses with it too.</summary>
    internal static bool TryEnum<T>(string? s, out T value) where T : struct, Enum =>
        Enum.TryParse(s, ignoreCase: false, out value) && Enum.IsDefined(value) && !int.TryParse(s, out _);

    private bool Bad(string key)
    {
        if (!ModelState.TryGetValue(key, out var e) || e.Errors.Count == 0) return false;
        ModelState.Remove(key);
        return true;
    }
}
