using System.Globalization;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Eligibility;

/// <summary>A unit's list of proposals, counted: the input of the unit-level share limits.</summary>
public sealed record UnitProposals(string UnitCode, string UnitName, int Ldtt, int Cstdcs, int Flags = 0, int CollectivesConsidered = 0);

public sealed record QuotaFinding(string UnitCode, string UnitName, string Quota, int Count, int Base, int? MaxPercent, int? MaxAllowed, bool WithinLimit, string Message, IReadOnlyList<string> Basis);

/// <summary>
/// Unit-level share limits, checked on a unit's list of proposals rather than on any one person: CSTĐCS as a
/// share of LĐTT (15% under NĐ 91/2017, no national cap from 2024) and emulation flags as a share of the
/// collectives considered. The limits are parameters of the rule set.
/// </summary>
/// <remarks>
/// Messages are read by people: counts and shares are written the Vietnamese way ("1.072", "11,5%") through
/// <see cref="VnFormat"/>, and the sentence around them is composed culture-invariantly, so the text is the
/// same whatever the request's or the machine's culture.
/// </remarks>
public static class QuotaCheck
{
    private const string NoNationalCap = "không có mức trần quốc gia";

    /// <summary>The share limits of <paramref name="units"/> for <paramref name="year"/>, citing what was in force that year.</summary>
    public static List<QuotaFinding> Check(RuleSet set, int year, IEnumerable<UnitProposals> units) => Check(set, units, year);

    /// <summary>The share limits without a year: every citation of the rule, whatever years it belongs to.</summary>
    public static List<QuotaFinding> Check(RuleSet set, IEnumerable<UnitProposals> units) => Check(set, units, null);

    private static List<QuotaFinding> Check(RuleSet set, IEnumerable<UnitProposals> units, int? year)
    {
        var result = new List<QuotaFinding>();
        foreach (var u in units)
        {
            result.Add(Share(u, "Chiến sĩ thi đua cơ sở / Lao động tiên tiến", u.Cstdcs, u.Ldtt, set.Quotas.CstdcsShareOfLdtt, "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", year));
            if ((u.CollectivesConsidered > 0 || u.Flags > 0) && set.Quotas.FlagShare is not null)
                result.Add(Share(u, "Cờ thi đua / tập thể được xét", u.Flags, u.CollectivesConsidered, set.Quotas.FlagShare!, "cờ thi đua", "tập thể được xét", year));
        }
        return result;
    }

    private static QuotaFinding Share(UnitProposals u, string quota, int count, int total, QuotaRule rule, string what, string of, int? year)
    {
        var basis = year is { } y ? rule.BasisFor(y) : rule.Basis.Select(c => c.Cite).ToArray();
        var pct = total == 0 ? "0%" : VnFormat.Percent((double)count / total);
        var head = Invariant($"{u.UnitName}: {VnFormat.Number(count)} {what} trên {VnFormat.Number(total)} {of} ({pct})");
        if (rule.MaxPercent is not { } max)
            return new QuotaFinding(u.UnitCode, u.UnitName, quota, count, total, null, null, true, Invariant($"{head}; {NoNationalCap} theo bộ quy tắc này{NoteAfterNoCap(rule.Note)}"), basis);
        // Exact integer arithmetic: count/total ≤ max% ⇔ 100·count ≤ max·total.
        var allowed = (int)((long)max * total / 100);
        var within = 100L * count <= (long)max * total;
        var message = within
            ? Invariant($"{head}, trong mức tối đa {VnFormat.Number(max)}% (tối đa {VnFormat.Number(allowed)})")
            : Invariant($"{head}, vượt mức tối đa {VnFormat.Number(max)}% (tối đa {VnFormat.Number(allowed)}, thừa {VnFormat.Number(count - allowed)})");
        return new QuotaFinding(u.UnitCode, u.UnitName, quota, count, total, max, allowed, within, message, basis);
    }

    /// <summary>The rule's note after "no national cap", without repeating it when the note opens with the same words.</summary>
    private static string NoteAfterNoCap(string? note)
    {
        var rest = note?.Trim().TrimEnd('.').Trim() ?? "";
        if (rest.StartsWith(NoNationalCap, StringComparison.OrdinalIgnoreCase))
            rest = rest[NoNationalCap.Length..].TrimStart(';', ',', '.', ' ', '—', '-');
        return rest.Length == 0 ? "" : "; " + rest;
    }

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
