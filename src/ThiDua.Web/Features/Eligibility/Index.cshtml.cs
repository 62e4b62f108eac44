using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// Who in a unit (or a whole bloc) meets the criteria for what in a year, with the collectives and the share
/// limits, counted from the registry as it was that year; the list is paged and filtered, the export streamed.
/// </summary>
[Authorize(Policy = "RegistryReader")]
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, RuleBookStore rules, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    /// <summary>The earliest year a request may name; a year before every rule set still gets the "no rule set" message.</summary>
    public const int MinYear = 1945;
    private const int MaxQueryLength = 100;
    private static readonly string[] Verdicts = ["eligible", "not_eligible", "deferred"];

    public sealed record BlocOption(int Id, string Name);

    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Bloc { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verdict { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public List<ThiDua.Features.Units.UnitOption> Units { get; private set; } = [];
    public List<BlocOption> Blocs { get; private set; } = [];
    public int EvaluationYear { get; private set; }
    /// <summary>The last year a request may name (next year, Vietnam time): the year input's max and the server's limit.</summary>
    public int MaxYear { get; private set; }
    public string? SelectionName { get; private set; }
    /// <summary>Why there are no verdicts (unknown unit, year out of range, no rule set for the year); the page still answers 200.</summary>
    public string? Problem { get; private set; }
    /// <summary>Inputs that were corrected rather than refused (a page past the end, an unknown code).</summary>
    public List<string> Notices { get; } = [];
    /// <summary>In the bloc view, the bloc's own regulation on the share of members proposed for an emulation flag (not a legal share).</summary>
    public string? BlocFlagShare { get; private set; }
    public EligibilityReport? Report { get; private set; }
    public List<EligibilityReport.PersonRow> Rows { get; private set; } = [];
    public int FilteredCount { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int TotalPages => Math.Max(1, (FilteredCount + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Units = await ThiDua.Features.Units.UnitTree.OptionsAsync(db, scope, ct);
        if (scope.AllUnits) Blocs = await db.Blocs.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new BlocOption(b.Id, b.Name)).ToListAsync(ct);
        var today = clock.VietnamToday();
        MaxYear = today.Year + 1;
        EvaluationYear = Year ?? await RegistryFacts.DefaultYearAsync(db, clock, ct);
        Q = Q?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, MaxQueryLength)] : null;
        if (Code is not null && !EligibilityCodes.Individual.Contains(Code))
        {
            Notices.Add($"Không có danh hiệu, hình thức mã \"{Code}\"; bộ lọc này được bỏ qua.");
            Code = null;
        }
        if (Verdict is not null && !Verdicts.Contains(Verdict))
        {
            Notices.Add($"Không có kết quả \"{Verdict}\"; bộ lọc này được bỏ qua.");
            Verdict = null;
        }

        // What is evaluated: a bloc's member agencies that year (for those who see every unit), or one unit's subtree.
        List<int> roots;
        if (ModelState.ContainsKey(nameof(Bloc)) && ModelState[nameof(Bloc)]!.Errors.Count > 0)
            return scope.AllUnits ? Refuse("Mã số khối thi đua không hợp lệ.") : Forbid();
        if (Bloc is { } blocId)
        {
            if (!scope.AllUnits) return Forbid();
            var bloc = await db.Blocs.AsNoTracking().Where(b => b.Id == blocId).Select(b => new { b.Name, b.FlagSharePercent }).FirstOrDefaultAsync(ct);
            if (bloc is null) return Refuse($"Không tìm thấy khối thi đua có mã số {blocId}.");
            SelectionName = bloc.Name;
            if (Unit is { } ignored)
                Notices.Add($"Đã chọn cả khối và một đơn vị (mã số {ignored}): đang hiện cả khối {bloc.Name}. Để xem riêng đơn vị, hãy chọn \"— Không —\" ở ô khối.");
            var year = EvaluationYear;
            roots = await db.BlocMemberships.AsNoTracking().Where(m => m.BlocId == blocId && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year))
                .Select(m => m.UnitId).ToListAsync(ct);
            // Flags are proposed in a later feature: the line gives the bloc's limit for its members that year, not a count.
            BlocFlagShare = bloc.FlagSharePercent is { } share
                ? $"{bloc.Name} quy định tối đa {VnFormat.Number(share)}% số thành viên ({VnFormat.Number(roots.Count)} cơ quan) được đề nghị cờ thi đua: tối đa {VnFormat.Number((long)share * roots.Count / 100)}"
                : "Khối chưa quy định tỷ lệ cờ thi đua";
        }
        else
        {
            if (ModelState.ContainsKey(nameof(Unit)) && ModelState[nameof(Unit)]!.Errors.Count > 0) return Refuse("Mã số đơn vị không hợp lệ.");
            Unit ??= Units.FirstOrDefault()?.Id;
            if (Unit is not { } unitId) return null;
            // Access first: an id outside the scope and an unknown id get the same answer, so ids cannot be probed.
            if (!scope.CanSeeUnit(unitId)) return Forbid();
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name }).FirstOrDefaultAsync(ct);
            if (unit is null) return Refuse($"Không tìm thấy đơn vị có mã số {unitId}.");
            SelectionName = unit.Name;
            roots = [unitId];
        }

        // The year: a number, within what anyone could ask about, and covered by a rule set.
        if (ModelState.ContainsKey(nameof(Year)) && ModelState[nameof(Year)]!.Errors.Count > 0)
            return Refuse($"Năm xét không hợp lệ: hãy nhập một năm từ {MinYear} đến {MaxYear}.");
        if (EvaluationYear < MinYear || EvaluationYear > MaxYear)
            return Refuse($"Năm xét {EvaluationYear} nằm ngoài khoảng cho phép ({MinYear}–{MaxYear}).");
        var book = await rules.GetAsync(ct);
        if (book.Find(EvaluationYear) is not { } ruleSet)
            return Refuse($"Chưa có bộ quy tắc cho năm {EvaluationYear} (các bộ quy tắc hiện có: {Coverage(book)}), nên chưa thể xét điều kiện năm này. Quản trị viên có thể nạp bộ quy tắc cho năm này tại trang Bộ quy tắc.");
        if (roots.Count == 0) return Refuse($"{SelectionName} không có đơn vị thành viên năm {EvaluationYear}.");

        Report = await EligibilityReport.BuildAsync(db, ruleSet, EvaluationYear, SelectionName!, roots, today, ct);
        var filtered = Filtered().ToList();
        FilteredCount = filtered.Count;
        CurrentPage = PageNumber ?? 1;
        if (ModelState.ContainsKey("p") && ModelState["p"]!.Errors.Count > 0) Notices.Add("Số trang không hợp lệ; đang hiện trang 1.");
        else if (CurrentPage < 1 || CurrentPage > TotalPages) Notices.Add($"Không có trang {CurrentPage}: danh sách có {VnFormat.Number(TotalPages)} trang; đang hiện trang {(CurrentPage < 1 ? 1 : TotalPages)}.");
        CurrentPage = Math.Clamp(CurrentPage, 1, TotalPages);
        Rows = filtered.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        return null;
    }

    private IActionResult? Refuse(string problem)
    {
        Problem = problem;
        return null;
    }

    /// <summary>The rule sets by their Vietnamese names with the years they cover: "… (2017–2023); … (từ 2024)".</summary>
    private static string Coverage(RuleBook book) => string.Join("; ", book.Sets.Select(s => $"{s.Name} ({Years(s.AppliesToYears)})"));

    private static string Years(YearRange r) => (r.From, r.To) switch
    {
        ({ } f, { } t) when f == t => $"năm {f}",
        ({ } f, { } t) => $"{f}–{t}",
        ({ } f, null) => $"từ {f}",
        (null, { } t) => $"đến {t}",
        _ => "mọi năm",
    };

    /// <summary>The list's filters: personal code (prefix) or name (ignoring case and diacritics), then a code and its verdict.</summary>
    private IEnumerable<EligibilityReport.PersonRow> Filtered()
    {
        IEnumerable<EligibilityReport.PersonRow> rows = Report!.People;
        if (Q is { } q)
        {
            var folded = VietnameseText.Fold(q);
            rows = rows.Where(r => r.PersonalCode.StartsWith(q, StringComparison.OrdinalIgnoreCase) || (folded.Length > 0 && r.SearchName.Contains(folded, StringComparison.Ordinal)));
        }
        if (Code is { } code)
            rows = rows.Where(r => r.Results.Any(x => x.Code == code && (Verdict is null || EligibilityOutputWriter.VerdictCode(x.Verdict) == Verdict)));
        else if (Verdict is { } v)
            rows = rows.Where(r => r.Results.Any(x => EligibilityOutputWriter.VerdictCode(x.Verdict) == v));
        return rows;
    }

    public string PageUrl(int page) => Url.Page("Index", new { Unit = Bloc is null ? Unit : null, Bloc, year = EvaluationYear, Q, Code, Verdict, p = page })!;

    public string ExportUrl() => Url.Page("Index", "Export", new { Unit = Bloc is null ? Unit : null, Bloc, year = EvaluationYear, Q, Code, Verdict })!;

    /// <summary>
    /// The filtered list (every page), the share limits and the collectives as .xlsx. Rows are produced lazily and written to a temporary file that
    /// is streamed out and deleted when sent, so a list of 20.000 people × 6 codes is never held as one buffer.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied) return denied;
        if (Report is null) return Page();
        var sheet = Filtered().SelectMany(r => r.Results.Where(x => Code is null || x.Code == Code).Select(x => Safe(new Dictionary<string, object?>
        {
            ["Mã cá nhân"] = r.PersonalCode,
            ["Họ và tên"] = r.FullName,
            ["Đơn vị"] = r.Unit,
            ["Danh hiệu, hình thức"] = EligibilityCodes.VietnameseName(x.Code),
            ["Mã"] = x.Code,
            ["Kết quả"] = VerdictName(x.Verdict),
            ["Lý do"] = string.Join("; ", x.Reasons),
            ["Căn cứ"] = string.Join("; ", x.Basis),
        })));
        var quotas = Report.Quotas.Select(q => Safe(new Dictionary<string, object?>
        {
            ["Đơn vị"] = q.UnitName, ["Tỷ lệ"] = q.Quota, ["Số lượng"] = q.Count, ["Trên"] = q.Base,
            ["Mức tối đa (%)"] = q.MaxPercent, ["Tối đa (người)"] = q.MaxAllowed, ["Đạt"] = q.WithinLimit ? "Trong mức" : "Vượt mức",
            ["Căn cứ"] = string.Join("; ", q.Basis),
        }));
        // One row per collective and code, in tree order; missing ratings are counted, the reasons say what they mean.
        var collectives = Report.Collectives.SelectMany(c => c.Results.Select(x => Safe(new Dictionary<string, object?>
        {
            ["Đơn vị"] = c.Name,
            ["Thành viên"] = c.Members,
            ["LĐTT"] = c.Facts?.MembersLdtt,
            ["CSTĐCS"] = c.Facts?.MembersCstdcs,
            ["Thiếu xếp loại"] = c.MissingRating.Count,
            ["Mã"] = x.Code,
            ["Kết quả"] = VerdictName(x.Verdict),
            ["Lý do"] = string.Join("; ", x.Reasons),
            ["Căn cứ"] = string.Join("; ", x.Basis),
        })));
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"thidua-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await file.SaveAsAsync(new Dictionary<string, object> { ["Xét điều kiện"] = sheet, ["Tỷ lệ"] = quotas, ["Tập thể"] = collectives }, excelType: ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        // Personal data leaves the app: who, what selection, how many rows.
        var personRows = Filtered().Sum(r => r.Results.Count(x => Code is null || x.Code == Code));
        var filters = string.Join("; ", new[] { Q is null ? null : $"tìm: \"{Q}\"", Code is null ? null : $"mã: {Code}", Verdict is null ? null : $"kết quả: {Verdict}" }.Where(f => f is not null));
        db.Audit(User.UserName(), "Xuất danh sách xét điều kiện", "Export", "/Eligibility",
            $"năm {EvaluationYear}; {(Bloc is null ? "đơn vị" : "khối")}: {SelectionName}{(filters.Length > 0 ? "; " + filters : "")}; {VnFormat.Number(Filtered().Count())} cá nhân, {VnFormat.Number(personRows)} dòng",
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        // FileStreamResult disposes the stream after sending it, which deletes the temporary file.
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"xet-dieu-kien-{EvaluationYear}.xlsx");
    }

    /// <summary>Text cells neutralised against formulas (see <see cref="SpreadsheetText.Neutralise"/>); numbers stay numbers.</summary>
    private static Dictionary<string, object?> Safe(Dictionary<string, object?> row)
    {
        foreach (var key in row.Keys.ToList())
        {
            if (row[key] is string s) row[key] = SpreadsheetText.Neutralise(s);
        }
        return row;
    }

    /// <summary>The short Vietnamese label of a code for table headers (the full name goes in the header's title).</summary>
    public static string ShortName(string code) => code switch
    {
        EligibilityCodes.LDTT => "LĐTT",
        EligibilityCodes.CSTDCS => "CSTĐCS",
        EligibilityCodes.CSTD_BO => "CSTĐ cấp bộ",
        EligibilityCodes.CSTDTQ => "CSTĐ toàn quốc",
        EligibilityCodes.BK_BO => "BK cấp bộ",
        EligibilityCodes.BK_TTG => "BK Thủ tướng",
        EligibilityCodes.TTLDTT => "TTLĐTT",
        EligibilityCodes.TTLDXS => "TTLĐXS",
        _ => code,
    };

    /// <summary>The verdict as a table cell shows it: a mark, with the reasons one tap away.</summary>
    public static string VerdictMark(Eligibility.Verdict v) => v switch
    {
        Eligibility.Verdict.Eligible => "✔ đủ",
        Eligibility.Verdict.Deferred => "hoãn",
        _ => "– chưa đủ",
    };

    public static string VerdictName(Eligibility.Verdict v) => v switch
    {
        Eligibility.Verdict.Eligible => "Đủ điều kiện",
        Eligibility.Verdict.Deferred => "Hoãn xét",
        Eligibility.Verdict.NotEligible => "Chưa đủ điều kiện",
        _ => v.ToString(),
    };
}
