using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.RuleSets;

/// <summary>The rule sets in force with every parameter and its legal basis; an edited file can be loaded.</summary>
// The app-wide form limit would answer a large file with the generic error page; this page reads up to 64 MB
// itself so that it can say in Vietnamese that a rule set is a few KB.
[RequestSizeLimit(64L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, RuleBookStore store, TimeProvider clock, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection) : PageModel
{
    public const int MaxFileBytes = 256 * 1024;

    public sealed record Parameter(string Rule, string Name, string Value, string Raw);
    public sealed record SetView(RuleSet Set, string Origin, List<Parameter> Parameters, List<(string Rule, RuleBase Meta)> Rules);
    public sealed record HistoryRow(int Id, string Code, string Version, string UploadedBy, DateTime UploadedUtc, bool InForce);

    /// <summary>What confirming the file would change, shown before anything is stored.</summary>
    public sealed record PreviewView(RuleSet Set, string Json, string Origin, string? InForceVersion, List<Change> Changes, List<string> FarFromLaw, int? Year, int PeopleEvaluated, int VerdictsChanged, int PeopleChanged);
    public sealed record Change(string Rule, string Name, string Before, string After);

    public PreviewView? Preview { get; private set; }
    [BindProperty] public string? PendingJson { get; set; }
    [BindProperty] public string? PendingOrigin { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Acknowledge { get; set; }

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
        History = records.Select(r => new HistoryRow(r.Id, r.Code, r.Version, r.UploadedBy, r.UploadedUtc,
            book.Sets.Any(s => s.Code == r.Code && s.Version == r.Version) && records.First(x => x.Code == r.Code && x.Version == r.Version).Id == r.Id)).ToList();
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
        var changes = ChangeList(before, after).Select(c => $"{c.Rule}.{c.Name}: {c.Before} → {c.After}").ToList();
        return $"phiên bản {before.Version} → {after.Version}; " + (changes.Count == 0 ? "không đổi tham số" : string.Join("; ", changes));
    }

    /// <summary>A parameter's value for people: yes/no, no limit, ratings by name.</summary>
    public static string Display(string raw) => raw switch
    {
        "null" => "không giới hạn",
        "true" => "có",
        "false" => "không",
        _ when raw.StartsWith('"') => Word(raw.Trim('"')),
        _ => string.Join(", ", raw.Split(", ").Select(Word)),
    };

    /// <summary>A code as a word: ratings, initiative scopes and discipline levels by their Vietnamese names.</summary>
    private static string Word(string code) =>
        EligibilityCodes.TryParseRating(code, out var r) ? EligibilityCodes.RatingName(r)
        : EligibilityCodes.TryParseScope(code, out var sc) ? "phạm vi " + EligibilityCodes.ScopeName(sc)
        : EligibilityCodes.TryParseDiscipline(code, out var d) ? EligibilityCodes.DisciplineName(d)
        : code;

    public static string RuleLabel(string key) => key switch
    {
        "deferral" => "Hoãn xét",
        "common" => "Nguyên tắc chung",
        "cstdcsShareOfLdtt" => "Tỷ lệ Chiến sĩ thi đua cơ sở trên Lao động tiên tiến",
        "flagShare" => "Tỷ lệ cờ thi đua",
        _ => EligibilityCodes.VietnameseName(key),
    };

    /// <summary>Each parameter in words (the file keeps the machine names).</summary>
    public static string ParameterLabel(string name) => name switch
    {
        "countedYearMinRating" => "Xếp loại tối thiểu để một năm được tính",
        "minServiceMonths" => "Thời gian công tác tối thiểu trong năm (tháng)",
        "minRating" => "Xếp loại tối thiểu",
        "excellentRatingSuffices" => "Hoàn thành xuất sắc nhiệm vụ thay được sáng kiến",
        "excellentRating" => "Mức xếp loại được coi là xuất sắc",
        "consecutiveCstdcsTimes" => "Số lần liên tục Chiến sĩ thi đua cơ sở",
        "initiativeMinScope" => "Phạm vi ảnh hưởng tối thiểu của sáng kiến",
        "initiativeWindowYears" => "Số năm tính sáng kiến",
        "consecutiveCstdBoTimes" => "Số lần liên tục Chiến sĩ thi đua cấp bộ",
        "latestCstdBoWithinYears" => "Lần Chiến sĩ thi đua cấp bộ gần nhất cách năm xét tối đa (năm)",
        "yearsBetweenCstdBo" => "Khoảng cách giữa hai lần Chiến sĩ thi đua cấp bộ (năm)",
        "consecutiveYears" => "Số năm liên tục của thời gian xét",
        "cstdcsAlternative" => "Chiến sĩ thi đua cơ sở thay được hoàn thành xuất sắc nhiệm vụ",
        "longerRunAccepted" => "Chấp nhận chuỗi năm dài hơn, sáng kiến ở bất kỳ năm nào trong chuỗi",
        "minInitiatives" => "Số sáng kiến tối thiểu",
        "excludeUsedInitiatives" => "Không tính sáng kiến đã dùng làm căn cứ khen thưởng khác",
        "oneOffAwardsCount" => "Khen đột xuất, chuyên đề được tính như khen công trạng",
        "minYearsAfterBkBo" => "Bằng khen cấp bộ phải trước năm xét ít nhất (năm)",
        "minConsecutiveYears" => "Số năm liên tục tối thiểu",
        "minCstdcsInRun" => "Số lần Chiến sĩ thi đua cơ sở tối thiểu trong thời gian đó",
        "ldttPercentMoreThan" => "Tỷ lệ Lao động tiên tiến phải trên (%)",
        "noMemberDisciplinedWarningOrAbove" => "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
        "memberDisciplineLevels" => "Các mức kỷ luật tính cho tập thể",
        "completedTasksMinRating" => "Xếp loại được coi là hoàn thành nhiệm vụ",
        "completedTasksPercentAtLeast" => "Tỷ lệ cá nhân hoàn thành nhiệm vụ tối thiểu (%)",
        "ldttPercentAtLeast" => "Tỷ lệ Lao động tiên tiến tối thiểu (%)",
        "minCstdcsMembers" => "Số cá nhân Chiến sĩ thi đua cơ sở tối thiểu",
        "maxPercent" => "Tỷ lệ tối đa (%)",
        "basis" => "Căn cứ pháp lý",
        _ => name,
    };

    /// <summary>A source note made readable: the project's verification files named in words.</summary>
    public static string SourceText(string? source) => source is null ? "" : System.Text.RegularExpressions.Regex.Replace(source
            .Replace("legal-verification.md claims", "Kiểm chứng pháp lý, mục", StringComparison.Ordinal)
            .Replace("legal-verification.md claim", "Kiểm chứng pháp lý, mục", StringComparison.Ordinal)
            .Replace("claim ", "mục ", StringComparison.Ordinal)
            .Replace("shared/domain/legal-verification.md", "bản kiểm chứng pháp lý", StringComparison.Ordinal)
            .Replace("legal-rules.md", "Tổng hợp quy định", StringComparison.Ordinal)
            .Replace("CONTRACT.md v2", "quy ước xét điều kiện (phiên bản 2)", StringComparison.Ordinal)
            .Replace("CONTRACT.md", "quy ước xét điều kiện", StringComparison.Ordinal)
            .Replace("shared/domain/", "", StringComparison.Ordinal),
        "✅", "(đã kiểm chứng)").Replace("🟡", "(chưa chắc chắn)", StringComparison.Ordinal).Replace("❌", "(chưa tìm thấy văn bản)", StringComparison.Ordinal);

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
                    var list = string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString()));
                    result.Add(new Parameter(rule, p.Name, Display(list), list));
                    continue;
                }
                result.Add(new Parameter(rule, p.Name, Display(p.Value.GetRawText()), p.Value.GetRawText()));
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
        return await PreviewAsync(json, $"tệp {Path.GetFileName(Upload.FileName)}", ct);
    }

    /// <summary>Checks a file and shows what confirming it would change; nothing is stored until it is confirmed.</summary>
    private async Task<IActionResult> PreviewAsync(string json, string origin, CancellationToken ct)
    {
        var set = Check(json, await store.GetAsync(ct));
        if (set is null)
        {
            Problems.Insert(0, "Tệp không được nạp; các bộ quy tắc đang áp dụng giữ nguyên.");
            await LoadAsync(ct);
            return Page();
        }
        Preview = await BuildPreviewAsync(set, json, origin, ct);
        PendingJson = json;
        PendingOrigin = Seal(origin, json, Preview.InForceVersion);
        await LoadAsync(ct);
        return Page();
    }

    // The preview travels through the browser; the origin (file name, restored version) is sealed with the file's
    // hash, so the audit never records a name the browser made up and the confirmed file is the previewed one.
    // The seal also names the user and the version in force, and lasts an hour: a confirmation is of this preview,
    // by this person, against the rules as they were shown.
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("ThiDua.RuleSets.Preview").ToTimeLimitedDataProtector();

    private string Seal(string origin, string json, string? inForce) =>
        Protector.Protect(string.Join('\n', Hash(json), User.UserName(), inForce ?? "-", origin), TimeSpan.FromHours(1));

    /// <summary>The sealed origin, or null when the seal is missing, expired, another user's or of another file.</summary>
    private (string Origin, string InForce)? Unseal(string? sealedOrigin, string json)
    {
        if (string.IsNullOrEmpty(sealedOrigin) || sealedOrigin.Length > 4096) return null;
        try
        {
            var parts = Protector.Unprotect(sealedOrigin).Split('\n', 4);
            return parts.Length == 4 && parts[0] == Hash(json) && parts[1] == User.UserName() ? (parts[3], parts[2]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string Hash(string json) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private RuleSet? Check(string json, RuleBook book)
    {
        var set = RuleSet.Parse(json, out var problems);
        Problems.AddRange(problems);
        if (set is null) return null;
        book.With(set, out var coverage);
        Problems.AddRange(coverage);
        // Each loaded file gets its own version, so pages, exports and the command say which rules were used.
        if (book.Sets.FirstOrDefault(s => s.Code == set.Code) is { } current && current.Version == set.Version)
            Problems.Add($"$.version: phiên bản \"{set.Version}\" trùng với bộ quy tắc đang áp dụng; hãy ghi phiên bản mới cho tệp đã sửa");
        return Problems.Count == 0 ? set : null;
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(PendingJson) || PendingJson.Length > MaxFileBytes)
        {
            Problems.Add("Không còn tệp để xác nhận; hãy nạp lại tệp.");
            await LoadAsync(ct);
            return Page();
        }
        if (Unseal(PendingOrigin, PendingJson) is not { } sealedOrigin)
        {
            Problems.Add("Bản xem trước đã hết hạn hoặc không khớp với tệp; hãy nạp lại tệp để xem trước rồi xác nhận.");
            await LoadAsync(ct);
            return Page();
        }
        var origin = sealedOrigin.Origin;
        var book = await store.GetAsync(ct);
        var set = Check(PendingJson, book);
        if (set is null)
        {
            Problems.Insert(0, "Tệp không được nạp; các bộ quy tắc đang áp dụng giữ nguyên.");
            await LoadAsync(ct);
            return Page();
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length < 5) Problems.Add("Lý do thay đổi: hãy ghi lý do (ít nhất 5 ký tự), ví dụ số văn bản quy định mới.");
        if (reason.Length > 1000) Problems.Add("Lý do thay đổi: tối đa 1.000 ký tự.");
        var current = book.Sets.FirstOrDefault(s => s.Code == set.Code);
        if ((current?.Version ?? "-") != sealedOrigin.InForce)
            Problems.Add("Bộ quy tắc đang áp dụng vừa được người khác thay đổi; hãy xem lại các thay đổi dưới đây rồi xác nhận.");
        var far = FarFromLaw(set);
        if (far.Count > 0 && !Acknowledge) Problems.Add("Có giá trị khác xa quy định của luật: hãy đánh dấu xác nhận đã kiểm tra các giá trị này.");
        if (Problems.Count > 0)
        {
            Preview = await BuildPreviewAsync(set, PendingJson, origin, ct);
            PendingOrigin = Seal(origin, PendingJson, Preview.InForceVersion);
            await LoadAsync(ct);
            return Page();
        }
        db.RuleSets.Add(new RuleSetRecord { Code = set.Code, Version = set.Version, Json = PendingJson, UploadedBy = User.UserName(), UploadedUtc = clock.GetUtcNow().UtcDateTime });
        db.Audit(User.UserName(), "Nạp bộ quy tắc", nameof(RuleSet), set.Code,
            $"{origin}; lý do: {reason}; " + Changes(current, set) + (far.Count > 0 ? "; đã xác nhận giá trị khác xa luật: " + string.Join("; ", far) : ""), code: set.Code);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã nạp bộ quy tắc {set.Code}, phiên bản {set.Version}.";
        return RedirectToPage();
    }

    /// <summary>Restoring an earlier file (or the built-in set) goes through the same preview and confirmation.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int? id, string? builtIn, CancellationToken ct)
    {
        if (builtIn is { Length: > 0 } && RuleSet.BuiltIn.Any(b => b.Code == builtIn))
            return await PreviewAsync(RuleSet.BuiltInJson(builtIn), $"khôi phục bộ có sẵn {builtIn}", ct);
        var record = id is { } i ? await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == i, ct) : null;
        if (record is null)
        {
            Problems.Add("Không tìm thấy phiên bản cần khôi phục.");
            await LoadAsync(ct);
            return Page();
        }
        return await PreviewAsync(record.Json, $"khôi phục phiên bản {record.Version} nạp lúc {VnFormat.DateTime(record.UploadedUtc)}", ct);
    }

    /// <summary>
    /// Values far from the law's (the built-in set of the same code): a zero where the law has a figure, a figure
    /// more than half again or less than half the law's, a share of 100 %, a yes/no flipped. They need an explicit
    /// acknowledgement, so a slip of the keyboard does not change every verdict.
    /// </summary>
    public static List<string> FarFromLaw(RuleSet set)
    {
        var law = RuleSet.BuiltIn.FirstOrDefault(b => b.Code == set.Code);
        if (law is null) return [];
        var lawValues = Parameters(law).ToDictionary(p => (p.Rule, p.Name), p => p.Raw);
        var far = new List<string>();
        foreach (var p in Parameters(set))
        {
            if (!lawValues.TryGetValue((p.Rule, p.Name), out var was) || was == p.Raw) continue;
            var label = $"{RuleLabel(p.Rule)} — {ParameterLabel(p.Name)}: {Display(was)} → {Display(p.Raw)}";
            if (decimal.TryParse(was, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var b)
                && decimal.TryParse(p.Raw, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                if ((v == 0 && b != 0) || (b != 0 && Math.Abs(v - b) / b > 0.5m) || (p.Name.Contains("Percent", StringComparison.Ordinal) && v >= 100 && b < 100))
                    far.Add(label);
            }
            else far.Add(label); // a yes/no, a rating or a list changed from the law's
        }
        return far;
    }

    private async Task<PreviewView> BuildPreviewAsync(RuleSet set, string json, string origin, CancellationToken ct)
    {
        var book = await store.GetAsync(ct);
        var current = book.Sets.FirstOrDefault(s => s.Code == set.Code);
        var changes = ChangeList(current, set);
        // How many verdicts change: for the latest year with ratings that the file covers, every person in the registry.
        var latest = await RegistryFacts.DefaultYearAsync(db, clock, ct);
        int? year = set.AppliesToYears.Contains(latest) ? latest : set.AppliesToYears.To is { } to && to < latest ? to : null;
        int evaluated = 0, changed = 0, people = 0;
        if (year is { } y && await db.YearRatings.AnyAsync(r => r.Year == y, ct))
        {
            var before = book.Find(y);
            var facts = await RegistryFacts.ForPeopleAsync(db, db.People.Where(p => p.IsActive).Select(p => p.Id), ct);
            var newEngine = new EligibilityEngine(set, y);
            var oldEngine = before is null ? null : new EligibilityEngine(before, y);
            foreach (var f in facts)
            {
                ct.ThrowIfCancellationRequested();
                var a = newEngine.Evaluate(f);
                var b = oldEngine?.Evaluate(f);
                var n = 0;
                for (var i = 0; i < a.Length; i++)
                {
                    if (b is null || b[i].Verdict != a[i].Verdict) n++;
                }
                evaluated++;
                changed += n;
                if (n > 0) people++;
            }
        }
        return new PreviewView(set, json, origin, current?.Version, changes, FarFromLaw(set), year, evaluated, changed, people);
    }

    private static List<Change> ChangeList(RuleSet? before, RuleSet after)
    {
        var old = before is null ? [] : Parameters(before).ToDictionary(p => (p.Rule, p.Name), p => p.Value);
        var list = new List<Change>();
        foreach (var p in Parameters(after))
        {
            var was = old.GetValueOrDefault((p.Rule, p.Name), "—");
            if (was != p.Value) list.Add(new Change(p.Rule, p.Name, was, p.Value));
            old.Remove((p.Rule, p.Name));
        }
        list.AddRange(old.Select(kv => new Change(kv.Key.Rule, kv.Key.Name, kv.Value, "—")));
        if (before is not null)
        {
            var oldRules = before.Rules.All().ToDictionary(r => r.Key, r => r.Rule);
            foreach (var (key, rule) in after.Rules.All())
            {
                var a = string.Join("; ", oldRules[key].Basis.Select(CitationText));
                var b = string.Join("; ", rule.Basis.Select(CitationText));
                if (a != b) list.Add(new Change(key, "basis", a, b));
            }
        }
        return list;
    }
}
