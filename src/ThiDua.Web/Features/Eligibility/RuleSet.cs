using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThiDua.Features.Eligibility;

// A rule set is data: every number the law sets lives here with its legal basis and the period it
// applies to, so a changed decree is a new file, not a code change (docs/decisions/0003-rules-as-data.md).

public sealed record EffectivePeriod(DateOnly? From, DateOnly? To)
{
    /// <summary>True when the period shares at least one day with <paramref name="year"/>.</summary>
    public bool Touches(int year) => (From is null || From.Value.Year <= year) && (To is null || To.Value.Year >= year);
}

public sealed record YearRange(int? From, int? To)
{
    public bool Contains(int year) => (From is null || year >= From) && (To is null || year <= To);
}

/// <summary>
/// One legal citation and the evaluation years it belongs to (null: every year the rule applies to), so a
/// result cites only what was in force for its year: NĐ 91/2017 up to 2023, NĐ 98/2023 for 2024, NĐ 152/2025 from 2025.
/// </summary>
public sealed record Citation(string Cite, YearRange? Years = null)
{
    public bool AppliesTo(int year) => Years is null || Years.Contains(year);
}

/// <summary>What every rule carries: the articles it rests on and when they apply.</summary>
public abstract record RuleBase
{
    public required Citation[] Basis { get; init; }
    public required EffectivePeriod Effective { get; init; }
    /// <summary>Where the figure was checked, and how sure we are (✅ / 🟡 / ❌ as in legal-rules.md).</summary>
    public string? Source { get; init; }
    /// <summary>Who sets the rule's figures when the law delegates them (Luật 2022 Điều 28: each ministry, agency or province).</summary>
    public string? SetBy { get; init; }

    public string[] BasisFor(int year) => Basis.Where(c => c.AppliesTo(year)).Select(c => c.Cite).ToArray();
}

public sealed record LdttRule : RuleBase
{
    public required int MinServiceMonths { get; init; }
    public required string MinRating { get; init; }
}

public sealed record CstdcsRule : RuleBase
{
    /// <summary>Luật 2022 Điều 23 accepts HTXSNV alone; Luật 2003/2013 Điều 23 requires an initiative.</summary>
    public required bool ExcellentRatingSuffices { get; init; }
    public required string ExcellentRating { get; init; }
}

public sealed record CstdBoRule : RuleBase
{
    public required int ConsecutiveCstdcsTimes { get; init; }
    public required string InitiativeMinScope { get; init; }
    public required int InitiativeWindowYears { get; init; }
}

public sealed record CstdtqRule : RuleBase
{
    public required int ConsecutiveCstdBoTimes { get; init; }
    /// <summary>The later CSTĐ bộ must be at most this many years before the evaluated year.</summary>
    public required int LatestCstdBoWithinYears { get; init; }
    /// <summary>Two separate CSTĐ bộ runs of three CSTĐCS each: the two CSTĐ bộ years are exactly this far apart.</summary>
    public required int YearsBetweenCstdBo { get; init; }
    public required string InitiativeMinScope { get; init; }
}

public sealed record BkBoRule : RuleBase
{
    /// <summary>The length of the period (years) the rating or CSTĐCS must cover, ending at the evaluated year.</summary>
    public required int ConsecutiveYears { get; init; }
    public required string ExcellentRating { get; init; }
    /// <summary>Luật 2022 Điều 74: CSTĐCS in each of those years is an alternative to HTXSNV.</summary>
    public required bool CstdcsAlternative { get; init; }
    /// <summary>Luật 2022 Điều 74 "liên tục từ 02 năm trở lên": a longer HTXSNV run qualifies, its initiatives anywhere in it.</summary>
    public required bool LongerRunAccepted { get; init; }
    public required int MinInitiatives { get; init; }
    /// <summary>Bộ Nội vụ's reading: an initiative that already served a title or form does not count again.</summary>
    public required bool ExcludeUsedInitiatives { get; init; }
    /// <summary>Whether a one-off (đột xuất) or thematic (chuyên đề) award counts as the previous award (false under NĐ 98/2023 Điều 4 khoản 3).</summary>
    public required bool OneOffAwardsCount { get; init; }
}

public sealed record BkTtgRule : RuleBase
{
    /// <summary>The ministry-level Bằng khen must be at least this many years before the evaluated year.</summary>
    public required int MinYearsAfterBkBo { get; init; }
    public required int MinConsecutiveYears { get; init; }
    public required string MinRating { get; init; }
    public required int MinCstdcsInRun { get; init; }
    public required int MinInitiatives { get; init; }
    public required int InitiativeWindowYears { get; init; }
    public required bool OneOffAwardsCount { get; init; }
}

public sealed record TtldttRule : RuleBase
{
    public required string MinRating { get; init; }
    /// <summary>Share of members holding LĐTT must be strictly greater than this percentage.</summary>
    public required int LdttPercentMoreThan { get; init; }
    public required bool NoMemberDisciplinedWarningOrAbove { get; init; }
    /// <summary>The discipline levels that count against a collective ("từ cảnh cáo trở lên"); TTLĐXS counts the same members.</summary>
    public required string[] MemberDisciplineLevels { get; init; }
}

public sealed record TtldxsRule : RuleBase
{
    public required string MinRating { get; init; }
    /// <summary>The rating at which a member counts as having completed their tasks (hoàn thành nhiệm vụ trở lên).</summary>
    public required string CompletedTasksMinRating { get; init; }
    public required int CompletedTasksPercentAtLeast { get; init; }
    public required int LdttPercentAtLeast { get; init; }
    public required int MinCstdcsMembers { get; init; }
    public required bool NoMemberDisciplinedWarningOrAbove { get; init; }
}

/// <summary>Deferral while a review is open, and what every individual rule shares.</summary>
public sealed record DeferralRule : RuleBase;

/// <summary>
/// One achievement, one award (Luật 2022 Điều 5 khoản 2 điểm c), and what a counted year is: a record,
/// untouched by discipline, rated at least <see cref="CountedYearMinRating"/>. Cited by every rule that counts a period.
/// </summary>
public sealed record CommonRule : RuleBase
{
    public required string CountedYearMinRating { get; init; }
}

public sealed record RuleSetRules
{
    public required DeferralRule Deferral { get; init; }
    public required CommonRule Common { get; init; }
    [JsonPropertyName("LDTT")] public required LdttRule Ldtt { get; init; }
    [JsonPropertyName("CSTDCS")] public required CstdcsRule Cstdcs { get; init; }
    [JsonPropertyName("CSTD_BO")] public required CstdBoRule CstdBo { get; init; }
    [JsonPropertyName("CSTDTQ")] public required CstdtqRule Cstdtq { get; init; }
    [JsonPropertyName("BK_BO")] public required BkBoRule BkBo { get; init; }
    [JsonPropertyName("BK_TTG")] public required BkTtgRule BkTtg { get; init; }
    [JsonPropertyName("TTLDTT")] public required TtldttRule Ttldtt { get; init; }
    [JsonPropertyName("TTLDXS")] public required TtldxsRule Ttldxs { get; init; }

    /// <summary>Every rule with its path in the file, for validation and the admin page.</summary>
    public IEnumerable<(string Key, RuleBase Rule)> All()
    {
        yield return ("deferral", Deferral);
        yield return ("common", Common);
        yield return ("LDTT", Ldtt);
        yield return ("CSTDCS", Cstdcs);
        yield return ("CSTD_BO", CstdBo);
        yield return ("CSTDTQ", Cstdtq);
        yield return ("BK_BO", BkBo);
        yield return ("BK_TTG", BkTtg);
        yield return ("TTLDTT", Ttldtt);
        yield return ("TTLDXS", Ttldxs);
    }
}

/// <summary>A unit-level share limit; <c>MaxPercent</c> null means no limit was found in the law.</summary>
public sealed record QuotaRule : RuleBase
{
    public required int? MaxPercent { get; init; }
    public string? Note { get; init; }
}

public sealed record RuleSetQuotas
{
    /// <summary>Chiến sĩ thi đua cơ sở as a share of the unit's Lao động tiên tiến.</summary>
    public required QuotaRule CstdcsShareOfLdtt { get; init; }
    /// <summary>Emulation flags as a share of the collectives considered.</summary>
    public QuotaRule? FlagShare { get; init; }
}

public sealed record RuleSet
{
    public required int Format { get; init; }
    public required string Code { get; init; }
    public required string Version { get; init; }
    public required string Name { get; init; }
    public required YearRange AppliesToYears { get; init; }
    public string? Note { get; init; }
    public required RuleSetRules Rules { get; init; }
    public required RuleSetQuotas Quotas { get; init; }

    /// <summary>The rating from which a member counts as having completed their tasks (TTLĐXS).</summary>
    public Rating CompletedTasksMinRating => EligibilityCodes.TryParseRating(Rules.Ttldxs.CompletedTasksMinRating, out var r) ? r : Rating.HTNV;

    /// <summary>The levels a member's discipline must reach to count against a collective (TTLĐTT, TTLĐXS).</summary>
    public IReadOnlyList<DisciplineLevel> CollectiveDisciplineLevels =>
        Rules.Ttldtt.MemberDisciplineLevels.Select(l => EligibilityCodes.TryParseDiscipline(l, out var d) ? d : 0).Where(d => d != 0).ToArray();

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public const int CurrentFormat = 2;

    /// <summary>
    /// Parses and checks a rule-set file. Returns null with every problem found (in Vietnamese, each naming
    /// its field, for the admin page) when the file cannot be used; a rule set in force is never replaced by a bad one.
    /// </summary>
    public static RuleSet? Parse(string json, out List<string> problems)
    {
        problems = [];
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            problems.Add($"$: tệp không phải JSON hợp lệ (dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1})");
            return null;
        }
        using (doc)
        {
            RuleSetShape.Check(doc.RootElement, typeof(RuleSet), "$", problems);
            if (problems.Count > 0) return null;
            RuleSet? set;
            try
            {
                set = doc.RootElement.Deserialize<RuleSet>(JsonOptions);
            }
            catch (JsonException ex)
            {
                // The shape check should have caught it; name the field without the serializer's wording.
                problems.Add($"{(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path)}: giá trị không hợp lệ");
                return null;
            }
            if (set is null)
            {
                problems.Add("$: tệp rỗng");
                return null;
            }
            set.Validate(problems);
            return problems.Count == 0 ? set : null;
        }
    }

    private void Validate(List<string> problems)
    {
        if (Format != CurrentFormat) problems.Add($"$.format: phiên bản định dạng {Format} không được hỗ trợ (chỉ hỗ trợ {CurrentFormat})");
        if (string.IsNullOrWhiteSpace(Code)) problems.Add("$.code: thiếu mã bộ quy tắc");
        if (string.IsNullOrWhiteSpace(Version)) problems.Add("$.version: thiếu phiên bản");
        var years = AppliesToYears;
        if (years.From is < 1900 or > 2200) problems.Add($"$.appliesToYears.from: năm {years.From} nằm ngoài khoảng 1900–2200");
        if (years.To is < 1900 or > 2200) problems.Add($"$.appliesToYears.to: năm {years.To} nằm ngoài khoảng 1900–2200");
        if (years.From is { } f && years.To is { } t && f > t)
            problems.Add($"$.appliesToYears: năm bắt đầu {f} sau năm kết thúc {t}");
        if (years.From is null) problems.Add("$.appliesToYears.from: phải ghi năm bắt đầu (quy định của mỗi thời kỳ khác nhau)");
        // Every other field is still checked, so one upload lists every problem; the year checks of each rule use
        // the set's years only when those are usable.
        var yearsUsable = problems.Count == 0;
        int first = Math.Clamp(years.From ?? 1900, 1900, 2200), last = Math.Clamp(years.To ?? 2200, first, 2200);

        void Rule(string path, RuleBase r)
        {
            if (r.Basis.Length == 0 || r.Basis.Any(c => string.IsNullOrWhiteSpace(c.Cite)))
                problems.Add($"{path}.basis: mỗi quy tắc phải ghi căn cứ pháp lý");
            for (var i = 0; i < r.Basis.Length; i++)
            {
                if (r.Basis[i].Years is { From: { } cf, To: { } ct } && cf > ct)
                    problems.Add($"{path}.basis[{i}].years: năm bắt đầu {cf} sau năm kết thúc {ct}");
            }
            if (r.Effective.From is { } a && r.Effective.To is { } b && a > b)
            {
                problems.Add($"{path}.effective: ngày bắt đầu sau ngày kết thúc");
                return;
            }
            // The rule must be in force for every year the set is chosen for: enforced here, so the engine never
            // applies a rule outside its period.
            if (!yearsUsable) return;
            if (!r.Effective.Touches(first)) problems.Add($"{path}.effective: quy tắc không có hiệu lực trong năm {first} mà bộ quy tắc áp dụng");
            else if (!r.Effective.Touches(last)) problems.Add($"{path}.effective: quy tắc hết hiệu lực trước năm {(years.To is null ? "cuối (bộ quy tắc không có năm kết thúc)" : last.ToString(CultureInfo.InvariantCulture))}");
            if (r.Basis.Length > 0)
            {
                for (var y = first; y <= last; y++)
                {
                    if (!r.Basis.Any(c => c.AppliesTo(y)))
                    {
                        problems.Add($"{path}.basis: không có căn cứ pháp lý nào cho năm {y}");
                        break;
                    }
                }
            }
        }
        void Range(string path, int value, int min, int max)
        {
            if (value < min || value > max) problems.Add($"{path}: giá trị {value} nằm ngoài khoảng cho phép {min}–{max}");
        }
        void Scope(string path, string value)
        {
            if (!EligibilityCodes.TryParseScope(value, out _))
                problems.Add($"{path}: phạm vi \"{value}\" không hợp lệ (co_so, bo, toan_quoc)");
        }
        void RatingCode(string path, string value)
        {
            if (!EligibilityCodes.TryParseRating(value, out _))
                problems.Add($"{path}: xếp loại \"{value}\" không hợp lệ (HTXSNV, HTTNV, HTNV, KHTNV)");
        }

        var r = Rules;
        foreach (var (key, rule) in r.All()) Rule($"$.rules.{key}", rule);
        RatingCode("$.rules.common.countedYearMinRating", r.Common.CountedYearMinRating);
        Range("$.rules.LDTT.minServiceMonths", r.Ldtt.MinServiceMonths, 0, 12);
        RatingCode("$.rules.LDTT.minRating", r.Ldtt.MinRating);
        RatingCode("$.rules.CSTDCS.excellentRating", r.Cstdcs.ExcellentRating);
        Range("$.rules.CSTD_BO.consecutiveCstdcsTimes", r.CstdBo.ConsecutiveCstdcsTimes, 1, 20);
        Range("$.rules.CSTD_BO.initiativeWindowYears", r.CstdBo.InitiativeWindowYears, 1, 20);
        Scope("$.rules.CSTD_BO.initiativeMinScope", r.CstdBo.InitiativeMinScope);
        Range("$.rules.CSTDTQ.consecutiveCstdBoTimes", r.Cstdtq.ConsecutiveCstdBoTimes, 2, 2);
        Range("$.rules.CSTDTQ.latestCstdBoWithinYears", r.Cstdtq.LatestCstdBoWithinYears, 0, 10);
        Range("$.rules.CSTDTQ.yearsBetweenCstdBo", r.Cstdtq.YearsBetweenCstdBo, 1, 20);
        Scope("$.rules.CSTDTQ.initiativeMinScope", r.Cstdtq.InitiativeMinScope);
        Range("$.rules.BK_BO.consecutiveYears", r.BkBo.ConsecutiveYears, 1, 20);
        Range("$.rules.BK_BO.minInitiatives", r.BkBo.MinInitiatives, 0, 50);
        RatingCode("$.rules.BK_BO.excellentRating", r.BkBo.ExcellentRating);
        Range("$.rules.BK_TTG.minYearsAfterBkBo", r.BkTtg.MinYearsAfterBkBo, 1, 20);
        Range("$.rules.BK_TTG.minConsecutiveYears", r.BkTtg.MinConsecutiveYears, 1, 30);
        Range("$.rules.BK_TTG.minCstdcsInRun", r.BkTtg.MinCstdcsInRun, 0, 30);
        Range("$.rules.BK_TTG.minInitiatives", r.BkTtg.MinInitiatives, 0, 50);
        Range("$.rules.BK_TTG.initiativeWindowYears", r.BkTtg.InitiativeWindowYears, 1, 30);
        RatingCode("$.rules.BK_TTG.minRating", r.BkTtg.MinRating);
        RatingCode("$.rules.TTLDTT.minRating", r.Ttldtt.MinRating);
        Range("$.rules.TTLDTT.ldttPercentMoreThan", r.Ttldtt.LdttPercentMoreThan, 0, 99);
        for (var i = 0; i < r.Ttldtt.MemberDisciplineLevels.Length; i++)
        {
            if (!EligibilityCodes.TryParseDiscipline(r.Ttldtt.MemberDisciplineLevels[i], out _))
                problems.Add($"$.rules.TTLDTT.memberDisciplineLevels[{i}]: mức kỷ luật \"{r.Ttldtt.MemberDisciplineLevels[i]}\" không hợp lệ (khien_trach, canh_cao, cach_chuc, buoc_thoi_viec)");
        }
        RatingCode("$.rules.TTLDXS.minRating", r.Ttldxs.MinRating);
        RatingCode("$.rules.TTLDXS.completedTasksMinRating", r.Ttldxs.CompletedTasksMinRating);
        Range("$.rules.TTLDXS.completedTasksPercentAtLeast", r.Ttldxs.CompletedTasksPercentAtLeast, 0, 100);
        Range("$.rules.TTLDXS.ldttPercentAtLeast", r.Ttldxs.LdttPercentAtLeast, 0, 100);
        Range("$.rules.TTLDXS.minCstdcsMembers", r.Ttldxs.MinCstdcsMembers, 0, 1000);
        Rule("$.quotas.cstdcsShareOfLdtt", Quotas.CstdcsShareOfLdtt);
        if (Quotas.CstdcsShareOfLdtt.MaxPercent is { } q1) Range("$.quotas.cstdcsShareOfLdtt.maxPercent", q1, 0, 100);
        if (Quotas.FlagShare is { } flag)
        {
            Rule("$.quotas.flagShare", flag);
            if (flag.MaxPercent is { } q2) Range("$.quotas.flagShare.maxPercent", q2, 0, 100);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The rule sets shipped with ThiDua (embedded from Features/Eligibility/RuleSets).</summary>
    public static IReadOnlyList<RuleSet> BuiltIn { get; } = LoadBuiltIn();

    public static string BuiltInJson(string code)
    {
        using var s = typeof(RuleSet).Assembly.GetManifestResourceStream($"RuleSets.{code}.json")
            ?? throw new InvalidOperationException($"No built-in rule set {code}");
        using var reader = new StreamReader(s);
        return reader.ReadToEnd();
    }

    private static List<RuleSet> LoadBuiltIn()
    {
        var asm = typeof(RuleSet).Assembly;
        var list = new List<RuleSet>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("RuleSets.", StringComparison.Ordinal)).Order())
        {
            var code = name["RuleSets.".Length..^".json".Length];
            var set = Parse(BuiltInJson(code), out var problems)
                ?? throw new InvalidOperationException($"Built-in rule set {code} is invalid: {string.Join("; ", problems)}");
            list.Add(set);
        }
        return list;
    }
}

/// <summary>The rule sets in force, and which one governs a given evaluation year.</summary>
public sealed class RuleBook(IReadOnlyList<RuleSet> sets)
{
    public IReadOnlyList<RuleSet> Sets { get; } = sets;

    public static RuleBook Default { get; } = new(RuleSet.BuiltIn);

    /// <summary>The set governing <paramref name="year"/>, or null when none covers it (no built-in set covers 2016 or earlier).</summary>
    public RuleSet? Find(int year) => Sets.FirstOrDefault(s => s.AppliesToYears.Contains(year));

    public RuleSet For(int year) => Find(year) ?? throw new InvalidOperationException($"No rule set applies to {year}");

    /// <summary>
    /// Replaces the set with the same code (or adds a new one, e.g. for years before 2017); refuses a set whose
    /// years overlap another's. Years no set covers are answered "no rule set covers" rather than guessed.
    /// </summary>
    public RuleBook With(RuleSet replacement, out List<string> problems)
    {
        problems = [];
        var next = Sets.Where(s => s.Code != replacement.Code).Append(replacement)
            .OrderBy(s => s.AppliesToYears.From ?? int.MinValue).ToList();
        for (var i = 1; i < next.Count; i++)
        {
            var prev = next[i - 1].AppliesToYears.To;
            var from = next[i].AppliesToYears.From;
            if (prev is null || from is null || from <= prev)
                problems.Add($"$.appliesToYears: bộ \"{next[i].Code}\" (từ năm {from?.ToString(CultureInfo.InvariantCulture) ?? "—"}) trùng năm với bộ \"{next[i - 1].Code}\" (đến năm {prev?.ToString(CultureInfo.InvariantCulture) ?? "—"})");
        }
        return problems.Count == 0 ? new RuleBook(next) : this;
    }
}
