using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>A person's record: identity, unit history, ratings, discipline, initiatives, awards, and this year's verdicts.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, RuleBookStore rules, TimeProvider clock) : PageModel
{
    public sealed record MembershipRow(string Unit, DateOnly From, DateOnly? To, string? Position);
    public sealed record AwardRow(int Id, int Year, string Code, string Name, string Authority, string? DecisionNumber, DateOnly? DecisionDate, AwardStatus Status, int? PeriodTo, AwardBasis Basis,
        DateOnly? RevokedOn = null, string? RevocationReason = null, string? RevocationGround = null, bool FromDecision = false);

    public sealed class RatingInput
    {
        [Display(Name = "Năm"), Required(ErrorMessage = "Hãy nhập năm."), Range(1975, 2100, ErrorMessage = "Năm phải từ 1975 đến 2100.")] public int? Year { get; set; }
        [Display(Name = "Xếp loại"), Required(ErrorMessage = "Hãy chọn mức xếp loại.")] public Rating? Rating { get; set; }
    }

    public sealed class DisciplineInput
    {
        [Display(Name = "Hình thức kỷ luật"), Required(ErrorMessage = "Hãy chọn hình thức kỷ luật.")] public DisciplineLevel? Level { get; set; }
        [Display(Name = "Từ ngày"), Required(ErrorMessage = "Hãy nhập ngày bắt đầu.")]
        [ModelBinder(typeof(VnDateBinder))] public DateOnly? From { get; set; }
        [Display(Name = "Đến ngày"), Required(ErrorMessage = "Hãy nhập ngày kết thúc.")]
        [ModelBinder(typeof(VnDateBinder))] public DateOnly? To { get; set; }
        [Display(Name = "Số quyết định"), StringLength(100, ErrorMessage = "Số quyết định tối đa 100 ký tự.")] public string? DecisionNumber { get; set; }
    }

    public sealed class InitiativeInput
    {
        [Display(Name = "Năm"), Required(ErrorMessage = "Hãy nhập năm."), Range(1975, 2100, ErrorMessage = "Năm phải từ 1975 đến 2100.")] public int? Year { get; set; }
        [Display(Name = "Tên sáng kiến"), Required(ErrorMessage = "Hãy nhập tên sáng kiến."), StringLength(500, ErrorMessage = "Tên sáng kiến tối đa 500 ký tự.")] public string? Title { get; set; }
        [Display(Name = "Phạm vi"), Required(ErrorMessage = "Hãy chọn phạm vi.")] public InitiativeScope? Scope { get; set; }
        [Display(Name = "Đã dùng làm căn cứ cho"), StringLength(20, ErrorMessage = "Mã danh hiệu, hình thức tối đa 20 ký tự.")] public string? UsedFor { get; set; }
    }

    public Person Person { get; private set; } = null!;
    public string? UnitName { get; private set; }
    public List<MembershipRow> Memberships { get; private set; } = [];
    public List<YearRating> Ratings { get; private set; } = [];
    public List<DisciplineRecord> Discipline { get; private set; } = [];
    public List<Initiative> Initiatives { get; private set; } = [];
    public List<AwardRow> Awards { get; private set; } = [];
    public List<EligibilityResult> Verdicts { get; private set; } = [];
    public string RuleSetName { get; private set; } = "";
    /// <summary>Why no verdicts are shown for the year asked, in Vietnamese; null when they are.</summary>
    public string? YearProblem { get; private set; }
    private bool YearRefused { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int EvaluationYear { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>The engine's JSON input is a tool for the officers who check verdicts with the batch command.</summary>
    public bool OffersEngineInput => OffersEngineInputTo(User);
    public List<ThiDua.Features.Units.UnitOption> UnitOptions { get; private set; } = [];
    /// <summary>The add-award form, refilled with what was typed when a post is refused.</summary>
    public AwardFieldsModel AwardFields { get; private set; } = new("a", "award", null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanSeePerson(person.Id, person.CurrentUnitId)) return Forbid();
        Person = person;
        CanEdit = scope.CanEditUnit(person.CurrentUnitId);
        UnitName = await db.Units.Where(u => u.Id == person.CurrentUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        Memberships = await db.UnitMemberships.AsNoTracking().Where(m => m.PersonId == id).OrderByDescending(m => m.From)
            .Select(m => new MembershipRow(m.Unit!.Name, m.From, m.To, m.Position)).ToListAsync(ct);
        Ratings = await db.YearRatings.AsNoTracking().Where(r => r.PersonId == id).OrderByDescending(r => r.Year).ToListAsync(ct);
        Discipline = await db.DisciplineRecords.AsNoTracking().Where(r => r.PersonId == id).OrderByDescending(r => r.From).ToListAsync(ct);
        Initiatives = await db.Initiatives.AsNoTracking().Where(r => r.PersonId == id).OrderByDescending(r => r.Year).ToListAsync(ct);
        var awards = await db.Awards.AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.Year).ToListAsync(ct);
        // Awards conferred by a decision of the app are changed only there (revocation), never edited here.
        var awardIds = awards.Select(a => a.Id).ToList();
        var fromDecision = (await db.DecisionRecipients.AsNoTracking().Where(r => r.AwardId != null && awardIds.Contains(r.AwardId.Value)).Select(r => r.AwardId!.Value).ToListAsync(ct)).ToHashSet();
        Awards = awards.Select(a => new AwardRow(a.Id, a.Year, a.Code, AwardRecord.Name(a.Code), a.Authority, a.DecisionNumber, a.DecisionDate, a.Status, a.PeriodTo, a.Basis,
            a.RevokedOn, a.RevocationReason, a.RevocationGround, fromDecision.Contains(a.Id))).ToList();
        await EvaluateAsync(id, ct);
        if (CanEdit) UnitOptions = (await ThiDua.Features.Units.UnitTree.OptionsAsync(db, scope, ct)).Where(u => scope.CanEditUnit(u.Id)).ToList();
        return null;
    }

    /// <summary>
    /// This year's verdicts, or why there are none: a year outside the range the registry keeps, or a year no
    /// rule set covers (before Nghị định 91/2017/NĐ-CP the rules were different and ThiDua ships none).
    /// </summary>
    private async Task EvaluateAsync(int id, CancellationToken ct)
    {
        var latest = clock.VietnamYear() + 1;
        // Text that is not a number binds to null with an English model-binding message; say it in Vietnamese instead.
        var unreadable = ModelState.TryGetValue(nameof(Year), out var entry) && entry.Errors.Count > 0 ? entry.AttemptedValue ?? "" : null;
        if (unreadable is not null || Year is { } asked && (asked < FirstEvaluationYear || asked > latest))
        {
            ModelState.Remove(nameof(Year));
            YearRefused = true;
            YearProblem = $"Năm xét phải từ {FirstEvaluationYear} đến {latest}; \"{unreadable ?? Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)}\" không hợp lệ.";
            EvaluationYear = await RegistryFacts.DefaultYearAsync(db, clock, ct);
            return;
        }
        EvaluationYear = Year ?? await RegistryFacts.DefaultYearAsync(db, clock, ct);
        var set = (await rules.GetAsync(ct)).Find(EvaluationYear);
        if (set is null)
        {
            YearProblem = NoRuleSetMessage(EvaluationYear);
            return;
        }
        var engine = new EligibilityEngine(set, EvaluationYear);
        RuleSetName = $"{set.Name} ({set.Code}, phiên bản {set.Version})";
        var facts = await RegistryFacts.ForPeopleAsync(db, [id], ct);
        Verdicts = engine.Evaluate(facts[0]).ToList();
    }

    public const int FirstEvaluationYear = 1945;

    public static string NoRuleSetMessage(int year) =>
        year <= 2016
            ? $"Chưa có bộ quy tắc cho năm {year}: ThiDua không có sẵn quy định trước Nghị định 91/2017/NĐ-CP (năm 2016 trở về trước theo Nghị định 65/2014/NĐ-CP và các văn bản trước đó, có quy định khác). Quản trị viên có thể nạp bộ quy tắc cho các năm này."
            : $"Chưa có bộ quy tắc cho năm {year}. Quản trị viên có thể nạp bộ quy tắc áp dụng cho năm này.";


    /// <summary>Emulation officers, council and bloc secretariats and administrators; not staff, council members or signing leaders.</summary>
    public static bool OffersEngineInputTo(System.Security.Claims.ClaimsPrincipal user) =>
        Roles.RegistryEditors.Split(',').Any(user.IsInRole);

    /// <summary>The engine's input for this person, in the batch contract's format.</summary>
    public async Task<IActionResult> OnGetEligibilityInputAsync(int id, CancellationToken ct)
    {
        if (!OffersEngineInputTo(User)) return Forbid();
        if (await LoadAsync(id, ct) is { } denied) return denied;
        // Only a year outside the range is refused: a year without a rule set still has facts worth checking.
        if (YearRefused) return BadRequest(YearProblem ?? "");
        var json = await RegistryFacts.ContractInputAsync(db, [id], EvaluationYear, ct);
        // The engine input carries the person's history: its download is recorded like any export of personal data.
        db.Audit(User.UserName(), "Tải dữ liệu đầu vào xét điều kiện", nameof(Person), id, $"năm {EvaluationYear}; 1 cá nhân (JSON)", code: Person.PersonalCode);
        await db.SaveChangesAsync(ct);
        return File(json, "application/json", $"dau-vao-xet-dieu-kien-{Person.PersonalCode}-{EvaluationYear}.json");
    }

    private async Task<(Person? Person, IActionResult? Denied)> EditableAsync(int id, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return (null, NotFound());
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(person.CurrentUnitId)) return (null, Forbid());
        return (person, null);
    }

    private bool Unreadable(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private async Task<IActionResult> Redisplay(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private IActionResult Done(int id, string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostRatingAsync(int id, [Bind(Prefix = "rating")] RatingInput input, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        var existing = await db.YearRatings.FirstOrDefaultAsync(r => r.PersonId == id && r.Year == input.Year, ct);
        var year = input.Year!.Value;
        var after = HistoryText.RatingName(input.Rating!.Value);
        if (existing is not null && existing.Rating == input.Rating) return Done(id, $"Xếp loại năm {year} vẫn là {after}: không có thay đổi.");
        var before = existing is null ? null : HistoryText.RatingName(existing.Rating);
        if (existing is null) db.YearRatings.Add(new YearRating { PersonId = id, Year = year, Rating = input.Rating.Value });
        else existing.Rating = input.Rating.Value;
        db.Audit(User.UserName(), existing is null ? "Thêm xếp loại" : "Sửa xếp loại", nameof(Person), person!.Id,
            $"năm {year.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {HistoryText.Change(before, after)}", code: person.PersonalCode);
        await db.SaveChangesAsync(ct);
        return Done(id, $"Đã ghi xếp loại năm {year}.");
    }

    public async Task<IActionResult> OnPostDisciplineAsync(int id, [Bind(Prefix = "discipline")] DisciplineInput input, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        if (input.From is { } f && input.To is { } t && t < f) ModelState.AddModelError("discipline.To", "Ngày kết thúc kỷ luật phải sau ngày bắt đầu.");
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        var record = new DisciplineRecord { PersonId = id, Level = input.Level!.Value, From = input.From!.Value, To = input.To!.Value, DecisionNumber = string.IsNullOrWhiteSpace(input.DecisionNumber) ? null : input.DecisionNumber.Trim() };
        db.DisciplineRecords.Add(record);
        db.Audit(User.UserName(), "Thêm kỷ luật", nameof(Person), person!.Id, HistoryText.Change(null, HistoryText.Discipline(record)), code: person.PersonalCode);
        await db.SaveChangesAsync(ct);
        return Done(id, "Đã ghi hình thức kỷ luật.");
    }

    public async Task<IActionResult> OnPostInitiativeAsync(int id, [Bind(Prefix = "initiative")] InitiativeInput input, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        var usedFor = string.IsNullOrWhiteSpace(input.UsedFor) ? null : input.UsedFor.Trim().ToUpperInvariant();
        if (usedFor is not null && !AwardRecord.Codes.ContainsKey(usedFor)) ModelState.AddModelError("initiative.UsedFor", "Mã danh hiệu, hình thức không có trong danh mục.");
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        var initiative = new Initiative { PersonId = id, Year = input.Year!.Value, Title = input.Title!.Trim(), Scope = input.Scope!.Value, UsedFor = usedFor };
        db.Initiatives.Add(initiative);
        db.Audit(User.UserName(), "Thêm sáng kiến", nameof(Person), person!.Id, HistoryText.Change(null, HistoryText.Initiative(initiative)), code: person.PersonalCode);
        await db.SaveChangesAsync(ct);
        return Done(id, "Đã ghi sáng kiến.");
    }

    public async Task<IActionResult> OnPostAwardAsync(int id, [Bind(Prefix = "award")] AwardInput input, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        input.Validate(ModelState, "award");
        AwardFields = AwardFields with { Values = input };
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        if (await db.Awards.AnyAsync(a => a.PersonId == id && a.Year == input.Year && a.Code == input.Code, ct))
        {
            ModelState.AddModelError("award.Code", $"Đã có {AwardRecord.Name(input.Code!)} năm {input.Year}: một thành tích không khen hai lần.");
            return await Redisplay(id, ct);
        }
        var award = new AwardRecord { PersonId = id, Code = "", Authority = "", Status = AwardStatus.Conferred };
        input.ApplyTo(award);
        db.Awards.Add(award);
        db.Audit(User.UserName(), "Thêm khen thưởng", nameof(Person), person!.Id, HistoryText.Change(null, award.AuditText()), code: person.PersonalCode);
        await db.SaveChangesAsync(ct);
        return Done(id, "Đã ghi khen thưởng.");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, [Display(Name = "Chuyển đến đơn vị")] int? unitId,
        [Display(Name = "Từ ngày"), ModelBinder(typeof(VnDateBinder))] DateOnly? from, int version, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        var scope = await scopes.GetAsync(User, ct);
        // An id that is no active unit (a tampered or stale form) gets a message, never a foreign-key error.
        var target = unitId is null ? null
            : await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.ActiveTo == null).Select(u => new { u.Id, u.Name, u.Code }).FirstOrDefaultAsync(ct);
        // Text that is not a number or a date already has its binding message; say nothing more about that field.
        var unitProblem = Unreadable(nameof(unitId)) ? null
            : unitId is null ? "Hãy chọn đơn vị chuyển đến."
            : target is null ? $"Không có đơn vị đang hoạt động với mã số {unitId}: hãy chọn đơn vị trong danh sách."
            : !scope.CanEditUnit(target.Id) ? $"Đơn vị \"{target.Name}\" ngoài phạm vi của bạn."
            : target.Id == person!.CurrentUnitId ? "Cán bộ đang ở đơn vị này." : null;
        if (unitProblem is not null) ModelState.AddModelError(nameof(unitId), unitProblem);
        if (from is null && !Unreadable(nameof(from))) ModelState.AddModelError(nameof(from), "Hãy nhập ngày chuyển đơn vị.");
        if (!ModelState.IsValid) return await Redisplay(id, ct);
        db.Entry(person!).Property(p => p.Version).OriginalValue = version;
        var open = await db.UnitMemberships.Where(m => m.PersonId == id && m.To == null).ToListAsync(ct);
        foreach (var m in open)
        {
            if (from <= m.From)
            {
                ModelState.AddModelError("from", $"Ngày chuyển phải sau ngày vào đơn vị hiện tại ({VnFormat.Date(m.From)}).");
                return await Redisplay(id, ct);
            }
            m.To = from!.Value.AddDays(-1);
        }
        var previous = await db.Units.AsNoTracking().Where(u => u.Id == person!.CurrentUnitId).Select(u => new { u.Name, u.Code }).FirstOrDefaultAsync(ct);
        db.UnitMemberships.Add(new UnitMembership { PersonId = id, UnitId = target!.Id, From = from!.Value, Position = person!.Position });
        person.CurrentUnitId = target.Id;
        db.Audit(User.UserName(), "Chuyển đơn vị", nameof(Person), person.Id,
            $"Đơn vị: {HistoryText.Change(previous is null ? null : HistoryText.Unit(previous.Name, previous.Code), HistoryText.Unit(target.Name, target.Code))}; từ ngày {VnFormat.Date(from)}",
            code: person.PersonalCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Hồ sơ vừa được người khác sửa. Trang đã được tải lại với dữ liệu mới; hãy thực hiện lại.");
            db.ChangeTracker.Clear();
            return await Redisplay(id, ct);
        }
        return Done(id, "Đã chuyển đơn vị.");
    }

    /// <summary>
    /// The inline delete buttons of earlier versions deleted at once; a post from such a page (or a bookmark) now
    /// leads to the confirmation page and deletes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, string? kind, int itemId, CancellationToken ct)
    {
        var (_, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        return DeleteHistoryModel.KindName(kind) is null ? NotFound() : RedirectToPage("DeleteHistory", new { kind, itemId });
    }

    /// <summary>
    /// Puts a person back on the active list. Deactivating goes through its confirmation page (Deactivate), so a
    /// post asking for it here changes nothing and leads there.
    /// </summary>
    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, int version, CancellationToken ct)
    {
        var (person, denied) = await EditableAsync(id, ct);
        if (denied is not null) return denied;
        if (!active) return RedirectToPage("Deactivate", new { id });
        if (person!.IsActive) return Done(id, "Cán bộ đang được theo dõi: không có thay đổi.");
        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        person.IsActive = true;
        db.Audit(User.UserName(), "Theo dõi lại cán bộ", nameof(Person), person.Id, $"Trạng thái: {HistoryText.Change("ngừng theo dõi", "đang theo dõi")}", code: person.PersonalCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Hồ sơ vừa được người khác sửa; không có thay đổi nào được lưu. Hãy xem lại và thử lại.";
            return RedirectToPage("Details", new { id });
        }
        return Done(id, "Đã đưa cán bộ trở lại danh sách theo dõi.");
    }
}
