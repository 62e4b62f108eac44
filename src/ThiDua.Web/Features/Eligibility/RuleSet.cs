using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThiDua.Features.Eligibility;

// A rule set is data: every number the law sets lives here with its legal basis and the period it
// applies to, so a changed decree is a new file, not a code change (docs/decisions/0003-rules-as-data.md).

public sealed record EffectivePeriod(DateOnly? From, DateOnly? To);

public sealed record YearRange(int? From, int? To)
{
    public bool Contains(int year) => (From is null || year >= From) && (To is null || year <= To);
}

/// <summary>What every rule carries: the articles it rests on and when they apply.</summary>
public abstract record RuleBase
{
    public required string[] Basis { get; init; }
    public required EffectivePeriod Effective { get; init; }
    /// <summary>Where the figure was checked, and how sure we are (✅ / 🟡 / ❌ as in legal-rules.md).</summary>
    public string? Source { get; init; }
}

public sealed record LdttRule : RuleBase
{
    public required int MinServiceMonths { get; init; }
}

public sealed record CstdcsRule : RuleBase
{
    /// <summary>Luật 2022 Điều 23 accepts HTXSNV alone; Luật 2003/2013 Điều 23 requires an initiative.</summary>
    public required bool ExcellentRatingSuffices { get; init; }
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
    public required int MaxYearsBetweenCstdBo { get; init; }
    public required string InitiativeMinScope { get; init; }
}

public sealed record BkBoRule : RuleBase
{
    public required int ConsecutiveYears { get; init; }
    /// <summary>Luật 2022 Điều 74: CSTĐCS in each of those years is an alternative to HTXSNV.</summary>
    public required bool CstdcsAlternative { get; init; }
    public required int MinInitiatives { get; init; }
    /// <summary>Bộ Nội vụ's reading: an initiative that already served a title does not count again.</summary>
    public required bool ExcludeUsedInitiatives { get; init; }
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
}

public sealed record TtldttRule : RuleBase
{
    /// <summary>Share of members holding LĐTT must be strictly greater than this percentage.</summary>
    public required int LdttPercentMoreThan { get; init; }
    public required bool NoMemberDisciplinedWarningOrAbove { get; init; }
    /// <summary>The discipline levels that count against a collective ("từ cảnh cáo trở lên"); TTLĐXS counts the same members.</summary>
    public required string[] MemberDisciplineLevels { get; init; }
}

public sealed record TtldxsRule : RuleBase
{
    public required int LdttPercentAtLeast { get; init; }
    public required int MinCstdcsMembers { get; init; }
    public required bool NoMemberDisciplinedWarningOrAbove { get; init; }
}

public sealed record DeferralRule : RuleBase;

public sealed record RuleSetRules
{
    public required DeferralRule Deferral { get; init; }
    [JsonPropertyName("LDTT")] public required LdttRule Ldtt { get; init; }
    [JsonPropertyName("CSTDCS")] public required CstdcsRule Cstdcs { get; init; }
    [JsonPropertyName("CSTD_BO")] public required CstdBoRule CstdBo { get; init; }
    [JsonPropertyName("CSTDTQ")] public required CstdtqRule Cstdtq { get; init; }
    [JsonPropertyName("BK_BO")] public required BkBoRule BkBo { get; init; }
    [JsonPropertyName("BK_TTG")] public required BkTtgRule BkTtg { get; init; }
    [JsonPropertyName("TTLDTT")] public required TtldttRule Ttldtt { get; init; }
    [JsonPropertyName("TTLDXS")] public required TtldxsRule Ttldxs { get; init; }
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

    /// <summary>
    /// Parses and checks a rule-set file. Returns null with the problems (in Vietnamese, for the admin page)
    /// when the file cannot be used; a rule set in force is never replaced by a bad one.
    /// </summary>
    public static RuleSet? Parse(string json, out List<string> problems)
    {
        problems = [];
        RuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize<RuleSet>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            problems.Add($"{where}: tệp không đúng định dạng bộ quy tắc ({Describe(ex)})");
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

    private static string Describe(JsonException ex)
    {
        var msg = ex.Message;
        var cut = msg.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? msg[..cut] : msg;
    }

    private void Validate(List<string> problems)
    {
        if (Format != 1) problems.Add($"$.format: phiên bản định dạng {Format} không được hỗ trợ (chỉ hỗ trợ 1)");
        if (string.IsNullOrWhiteSpace(Code)) problems.Add("$.code: thiếu mã bộ quy tắc");
        if (string.IsNullOrWhiteSpace(Version)) problems.Add("$.version: thiếu phiên bản");
        if (AppliesToYears.From is { } f && AppliesToYears.To is { } t && f > t)
            problems.Add($"$.appliesToYears: năm bắt đầu {f} sau năm kết thúc {t}");

        void Rule(string path, RuleBase r)
        {
            if (r.Basis.Length == 0 || r.Basis.Any(string.IsNullOrWhiteSpace))
                problems.Add($"{path}.basis: mỗi quy tắc phải ghi căn cứ pháp lý");
            if (r.Effective.From is { } a && r.Effective.To is { } b && a > b)
                problems.Add($"{path}.effective: ngày bắt đầu sau ngày kết thúc");
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

        var r = Rules;
        Rule("$.rules.deferral", r.Deferral);
        Rule("$.rules.LDTT", r.Ldtt);
        Range("$.rules.LDTT.minServiceMonths", r.Ldtt.MinServiceMonths, 0, 12);
        Rule("$.rules.CSTDCS", r.Cstdcs);
        Rule("$.rules.CSTD_BO", r.CstdBo);
        Range("$.rules.CSTD_BO.consecutiveCstdcsTimes", r.CstdBo.ConsecutiveCstdcsTimes, 1, 20);
        Range("$.rules.CSTD_BO.initiativeWindowYears", r.CstdBo.InitiativeWindowYears, 1, 20);
        Scope("$.rules.CSTD_BO.initiativeMinScope", r.CstdBo.InitiativeMinScope);
        Rule("$.rules.CSTDTQ", r.Cstdtq);
        Range("$.rules.CSTDTQ.consecutiveCstdBoTimes", r.Cstdtq.ConsecutiveCstdBoTimes, 2, 2);
        Range("$.rules.CSTDTQ.latestCstdBoWithinYears", r.Cstdtq.LatestCstdBoWithinYears, 0, 10);
        Range("$.rules.CSTDTQ.maxYearsBetweenCstdBo", r.Cstdtq.MaxYearsBetweenCstdBo, 1, 20);
        Scope("$.rules.CSTDTQ.initiativeMinScope", r.Cstdtq.InitiativeMinScope);
        Rule("$.rules.BK_BO", r.BkBo);
        Range("$.rules.BK_BO.consecutiveYears", r.BkBo.ConsecutiveYears, 1, 20);
        Range("$.rules.BK_BO.minInitiatives", r.BkBo.MinInitiatives, 0, 50);
        Rule("$.rules.BK_TTG", r.BkTtg);
        Range("$.rules.BK_TTG.minYearsAfterBkBo", r.BkTtg.MinYearsAfterBkBo, 1, 20);
        Range("$.rules.BK_TTG.minConsecutiveYears", r.BkTtg.MinConsecutiveYears, 1, 30);
        Range("$.rules.BK_TTG.minCstdcsInRun", r.BkTtg.MinCstdcsInRun, 0, 30);
        Range("$.rules.BK_TTG.minInitiatives", r.BkTtg.MinInitiatives, 0, 50);
        Range("$.rules.BK_TTG.initiativeWindowYears", r.BkTtg.InitiativeWindowYears, 1, 30);
        if (!EligibilityCodes.TryParseRating(r.BkTtg.MinRating, out _))
            problems.Add($"$.rules.BK_TTG.minRating: xếp loại \"{r.BkTtg.MinRating}\" không hợp lệ");
        Rule("$.rules.TTLDTT", r.Ttldtt);
        Range("$.rules.TTLDTT.ldttPercentMoreThan", r.Ttldtt.LdttPercentMoreThan, 0, 99);
        for (var i = 0; i < r.Ttldtt.MemberDisciplineLevels.Length; i++)
        {
            if (!EligibilityCodes.TryParseDiscipline(r.Ttldtt.MemberDisciplineLevels[i], out _))
                problems.Add($"$.rules.TTLDTT.memberDisciplineLevels[{i}]: mức kỷ luật \"{r.Ttldtt.MemberDisciplineLevels[i]}\" không hợp lệ (khien_trach, canh_cao, cach_chuc, buoc_thoi_viec)");
        }
        Rule("$.rules.TTLDXS", r.Ttldxs);
        Range("$.rules.TTLDXS.ldttPercentAtLeast", r.Ttldxs.LdttPercentAtLeast, 0, 100);
        Range("$.rules.TTLDXS.minCstdcsMembers", r.Ttldxs.MinCstdcsMembers, 0, 1000);
        Rule("$.quotas.cstdcsShareOfLdtt", Quotas.CstdcsShareOfLdtt);
        if (Quotas.FlagShare is { } flag) Rule("$.quotas.flagShare", flag);
        if (Quotas.CstdcsShareOfLdtt.MaxPercent is { } q1) Range("$.quotas.cstdcsShareOfLdtt.maxPercent", q1, 0, 100);
        if (Quotas.FlagShare?.MaxPercent is { } q2) Range("$.quotas.flagShare.maxPercent", q2, 0, 100);
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

    /// <summary>Replaces the set with the same code; refuses a set whose years overlap another's or leave a gap.</summary>
    public RuleBook With(RuleSet replacement, out List<string> problems)
    {
        problems = [];
        var next = Sets.Where(s => s.Code != replacement.Code).Append(replacement)
            .OrderBy(s => s.AppliesToYears.From ?? int.MinValue).ToList();
        if (next.Count(s => s.AppliesToYears.From is null) != 1 || next.Count(s => s.AppliesToYears.To is null) != 1)
            problems.Add("$.appliesToYears: các bộ quy tắc phải phủ mọi năm (đúng một bộ không có năm bắt đầu, đúng một bộ không có năm kết thúc)");
        for (var i = 1; i < next.Count; i++)
        {
            var prev = next[i - 1].AppliesToYears.To;
            var from = next[i].AppliesToYears.From;
            if (prev is null || from is null || from != prev + 1)
                problems.Add($"$.appliesToYears: bộ \"{next[i].Code}\" bắt đầu năm {from?.ToString() ?? "—"} không nối tiếp bộ \"{next[i - 1].Code}\" (kết thúc năm {prev?.ToString() ?? "—"})");
        }
        return problems.Count == 0 ? new RuleBook(next) : this;
    }
}
