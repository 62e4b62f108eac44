using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.RuleSets;

/// <summary>The rule sets in force with every parameter and its legal basis; an edited file can be loaded.</summary>
public sealed class IndexModel(AppDbContext db, RuleBookStore store, TimeProvider clock) : PageModel
{
    public const int MaxFileBytes = 256 * 1024;

    public sealed record Parameter(string Rule, string Name, string Value);
    public sealed record SetView(RuleSet Set, string Origin, List<Parameter> Parameters, List<(string Rule, RuleBase Meta)> Rules);
    public sealed record HistoryRow(string Code, string Version, string UploadedBy, DateTime UploadedUtc);

    public List<SetView> Sets { get; private set; } = [];
    public List<HistoryRow> History { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public IReadOnlyList<StoredRuleSetProblem> StoredProblems { get; private set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var load = await store.LoadAsync(ct);
        var book = load.Book;
        StoredProblems = load.Problems;
        var records = await db.RuleSets.AsNoTracking().OrderByDescending(r => r.UploadedUtc).ToListAsync(ct);
        History = records.Select(r => new HistoryRow(r.Code, r.Version, r.UploadedBy, r.UploadedUtc)).ToList();
        Sets = book.Sets.Select(s =>
        {
            var uploaded = records.FirstOrDefault(r => r.Code == s.Code && r.Version == s.Version);
            var origin = uploaded is null ? "Có sẵn trong ThiDua" : $"Nạp bởi {uploaded.UploadedBy}, {VnFormat.DateTime(uploaded.UploadedUtc)}";
            return new SetView(s, origin, Parameters(s), RulesOf(s));
        }).ToList();
    }

    private static List<(string, RuleBase)> RulesOf(RuleSet s)
    {
        var list = s.Rules.All().Select(r => (r.Key switch { "deferral" => "Hoãn xét", "common" => "Nguyên tắc chung", _ => r.Key }, r.Rule)).ToList();
        list.Add(("Tỷ lệ CSTĐCS/LĐTT", s.Quotas.CstdcsShareOfLdtt));
        if (s.Quotas.FlagShare is { } flag) list.Add(("Tỷ lệ cờ thi đua", flag));
        return list;
    }

    /// <summary>What the loaded file changes against the set in force: every parameter and citation, old → new.</summary>
    public static string Changes(RuleSet? before, RuleSet after)
    {
        if (before is null) return $"bộ quy tắc mới, phiên bản {after.Version}";
        var changes = new List<string>();
        var old = Parameters(before).ToDictionary(p => (p.Rule, p.Name), p => p.Value);
        foreach (var p in Parameters(after))
        {
            var was = old.GetValueOrDefault((p.Rule, p.Name), "—");
            if (was != p.Value) changes.Add($"{p.Rule}.{p.Name}: {was} → {p.Value}");
            old.Remove((p.Rule, p.Name));
        }
        changes.AddRange(old.Select(kv => $"{kv.Key.Rule}.{kv.Key.Name}: {kv.Value} → —"));
        var oldRules = before.Rules.All().ToDictionary(r => r.Key, r => r.Rule);
        foreach (var (key, rule) in after.Rules.All())
        {
            var a = string.Join("; ", oldRules[key].Basis.Select(CitationText));
            var b = string.Join("; ", rule.Basis.Select(CitationText));
            if (a != b) changes.Add($"{key}.basis: {a} → {b}");
        }
        return $"phiên bản {before.Version} → {after.Version}; " + (changes.Count == 0 ? "không đổi tham số" : string.Join("; ", changes));
    }

    /// <summary>A citation as the page shows it, with the evaluation years it belongs to.</summary>
    public static string CitationText(Citation c) => c.Years switch
    {
        null => c.Cite,
        { From: { } f, To: { } t } when f == t => FormattableString.Invariant($"{c.Cite} (năm {f})"),
        { From: { } f, To: null } => FormattableString.Invariant($"{c.Cite} (từ năm {f})"),
        { From: null, To: { } t } => FormattableString.Invariant($"{c.Cite} (đến năm {t})"),
        { From: var f, To: var t } => FormattableString.Invariant($"{c.Cite} ({f}–{t})"),
    };

    /// <summary>Every scalar parameter of every rule, read from the same JSON the file holds.</summary>
    private static List<Parameter> Parameters(RuleSet s)
    {
        var result = new List<Parameter>();
        using var doc = JsonDocument.Parse(s.ToJson());
        void Collect(string rule, JsonElement obj)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (p.Name is "basis" or "effective" or "source" or "note" or "setBy") continue;
                if (p.Value.ValueKind is JsonValueKind.Object) continue;
                if (p.Value.ValueKind is JsonValueKind.Array)
                {
                    result.Add(new Parameter(rule, p.Name, string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString()))));
                    continue;
                }
                result.Add(new Parameter(rule, p.Name, p.Value.ValueKind switch
                {
                    JsonValueKind.Null => "không giới hạn (null)",
                    JsonValueKind.True => "có (true)",
                    JsonValueKind.False => "không (false)",
                    _ => p.Value.ToString(),
                }));
            }
        }
        foreach (var r in doc.RootElement.GetProperty("rules").EnumerateObject()) Collect(r.Name, r.Value);
        foreach (var q in doc.RootElement.GetProperty("quotas").EnumerateObject().Where(q => q.Value.ValueKind == JsonValueKind.Object)) Collect(q.Name, q.Value);
        return result;
    }

    public async Task<IActionResult> OnGetDownloadAsync(string code, CancellationToken ct)
    {
        var book = await store.GetAsync(ct);
        var set = book.Sets.FirstOrDefault(s => s.Code == code);
        if (set is null) return NotFound();
        var stored = await db.RuleSets.AsNoTracking().Where(r => r.Code == code && r.Version == set.Version).OrderByDescending(r => r.UploadedUtc).Select(r => r.Json).FirstOrDefaultAsync(ct);
        var json = stored ?? RuleSet.BuiltInJson(code);
        return File(Encoding.UTF8.GetBytes(json), "application/json", $"{code}.json");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) Problems.Add("Hãy chọn tệp bộ quy tắc (.json).");
        else if (Upload.Length > MaxFileBytes) Problems.Add($"Tệp lớn hơn {MaxFileBytes / 1024} KB; một bộ quy tắc chỉ vài KB.");
        else if (!Upload.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) Problems.Add("Chỉ nhận tệp .json.");
        if (Problems.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        string json;
        using (var reader = new StreamReader(Upload!.OpenReadStream(), new UTF8Encoding(false, true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                Problems.Add("Tệp không phải văn bản UTF-8.");
                await LoadAsync(ct);
                return Page();
            }
        }
        var set = RuleSet.Parse(json, out var problems);
        Problems.AddRange(problems);
        var book = await store.GetAsync(ct);
        var current = set is null ? null : book.Sets.FirstOrDefault(s => s.Code == set.Code);
        if (set is not null)
        {
            book.With(set, out var coverage);
            Problems.AddRange(coverage);
            // Each loaded file gets its own version, so pages, exports and the command say which rules were used.
            if (current is not null && current.Version == set.Version)
                Problems.Add($"$.version: phiên bản \"{set.Version}\" trùng với bộ quy tắc đang áp dụng; hãy ghi phiên bản mới cho tệp đã sửa");
        }
        if (Problems.Count > 0)
        {
            Problems.Insert(0, "Tệp không được nạp; các bộ quy tắc đang áp dụng giữ nguyên.");
            await LoadAsync(ct);
            return Page();
        }
        db.RuleSets.Add(new RuleSetRecord { Code = set!.Code, Version = set.Version, Json = json, UploadedBy = User.UserName(), UploadedUtc = clock.GetUtcNow().UtcDateTime });
        db.Audit(User.UserName(), "Nạp bộ quy tắc", nameof(RuleSet), set.Code, Changes(current, set));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã nạp bộ quy tắc {set.Code}, phiên bản {set.Version}.";
        return RedirectToPage();
    }
}
