namespace ThiDua.Features.Eligibility;

/// <summary>A unit's list of proposals, counted: the input of the unit-level share limits.</summary>
public sealed record UnitProposals(string UnitCode, string UnitName, int Ldtt, int Cstdcs, int Flags = 0, int CollectivesConsidered = 0);

public sealed record QuotaFinding(string UnitCode, string UnitName, string Quota, int Count, int Base, int? MaxPercent, int? MaxAllowed, bool WithinLimit, string Message, IReadOnlyList<string> Basis);

/// <summary>
/// Unit-level share limits, checked on a unit's list of proposals rather than on any one person: CSTĐCS as a
/// share of LĐTT (15% under NĐ 91/2017, no national cap from 2024) and emulation flags as a share of the
/// collectives considered. The limits are parameters of the rule set.
/// </summary>
public static class QuotaCheck
{
    public static List<QuotaFinding> Check(RuleSet set, IEnumerable<UnitProposals> units)
    {
        var result = new List<QuotaFinding>();
        foreach (var u in units)
        {
            result.Add(Share(u, "Chiến sĩ thi đua cơ sở / Lao động tiên tiến", u.Cstdcs, u.Ldtt, set.Quotas.CstdcsShareOfLdtt, "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"));
            if ((u.CollectivesConsidered > 0 || u.Flags > 0) && set.Quotas.FlagShare is not null)
                result.Add(Share(u, "Cờ thi đua / tập thể được xét", u.Flags, u.CollectivesConsidered, set.Quotas.FlagShare!, "cờ thi đua", "tập thể được xét"));
        }
        return result;
    }

    private static QuotaFinding Share(UnitProposals u, string quota, int count, int total, QuotaRule rule, string what, string of)
    {
        var pct = total == 0 ? 0m : Math.Round(100m * count / total, 1);
        if (rule.MaxPercent is not { } max)
            return new QuotaFinding(u.UnitCode, u.UnitName, quota, count, total, null, null, true,
                $"{u.UnitName}: {count} {what} trên {total} {of} ({pct:0.#}%); không có mức trần quốc gia theo bộ quy tắc này{(rule.Note is null ? "" : " — " + rule.Note)}", rule.Basis.Select(c => c.Cite).ToArray());
        // Exact integer arithmetic: count/total ≤ max% ⇔ 100·count ≤ max·total.
        var allowed = (int)((long)max * total / 100);
        var within = 100L * count <= (long)max * total;
        var message = within
            ? $"{u.UnitName}: {count} {what} trên {total} {of} ({pct:0.#}%), trong mức tối đa {max}% (tối đa {allowed})"
            : $"{u.UnitName}: {count} {what} trên {total} {of} ({pct:0.#}%), vượt mức tối đa {max}% (tối đa {allowed}, thừa {count - allowed})";
        return new QuotaFinding(u.UnitCode, u.UnitName, quota, count, total, max, allowed, within, message, rule.Basis.Select(c => c.Cite).ToArray());
    }
}
