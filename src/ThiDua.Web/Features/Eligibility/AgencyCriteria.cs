namespace ThiDua.Features.Eligibility;

/// <summary>
/// Applies an agency's own TTLĐTT criteria to a rule set, where the rule set says the figures are the agency's
/// (<see cref="RuleBase.SetBy"/>, Luật 2022 Điều 28); a rule set that fixes them (luat-2013) is returned unchanged.
/// </summary>
public static class AgencyCriteria
{
    public static RuleSet Apply(RuleSet set, string agencyName, int? ldttPercentMoreThan, bool? noMemberDisciplined)
    {
        var rule = set.Rules.Ttldtt;
        if (rule.SetBy is null || (ldttPercentMoreThan is null && noMemberDisciplined is null)) return set;
        var own = rule with
        {
            LdttPercentMoreThan = ldttPercentMoreThan ?? rule.LdttPercentMoreThan,
            NoMemberDisciplinedWarningOrAbove = noMemberDisciplined ?? rule.NoMemberDisciplinedWarningOrAbove,
            Basis = [.. rule.Basis, new Citation($"Tiêu chuẩn Tập thể lao động tiên tiến do {agencyName} quy định")],
            SetBy = agencyName,
        };
        return set with { Rules = set.Rules with { Ttldtt = own } };
    }
}
