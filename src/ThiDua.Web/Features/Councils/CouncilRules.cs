using System.Globalization;

namespace ThiDua.Features.Councils;

/// <summary>Counts of one item and the rule applied to them.</summary>
public sealed record ItemCount(int Members, int Agree, int Disagree, int Other, int Voted, int Recused, int Attending, bool QuorumMet, bool Passed, decimal Percent, bool MoreThan)
{
    /// <summary>Share of all members who agreed, 0–1.</summary>
    public double AgreeShare => Members == 0 ? 0 : (double)Agree / Members;
}

/// <summary>
/// The pure rules of a council's ballot: quorum and thresholds, compared exactly in integers and decimals (no
/// rounding: 90 % of 10 members needs 9; 90 % of 11 needs 9,9, so 10; "more than half" of 10 needs 6).
/// </summary>
public static class CouncilRules
{
    public const string Nd91Source = "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8 (ít nhất 90% tổng số thành viên Hội đồng đồng ý)";
    public const string RegulationSource = "Quy chế hoạt động của Hội đồng (tham số, chưa có văn bản)";
    public const string QuorumDefaultSource = "Quy chế hoạt động của Hội đồng (tham số, chưa có văn bản): ít nhất hai phần ba tổng số thành viên";
    /// <summary>Codes with the 90 % default (Chiến sĩ thi đua cấp bộ, toàn quốc).</summary>
    public static readonly string[] NinetyPercentCodes = ["CSTD_BO", "CSTDTQ"];

    public static IEnumerable<CouncilThreshold> Defaults() =>
    [
        .. NinetyPercentCodes.Select(c => new CouncilThreshold { Code = c, Percent = 90, MoreThan = false, Source = Nd91Source }),
        new CouncilThreshold { Code = CouncilThreshold.AnyCode, Percent = 50, MoreThan = true, Source = RegulationSource },
    ];

    public static bool QuorumMet(int attending, int members, int numerator, int denominator) =>
        members > 0 && (long)attending * denominator >= (long)members * numerator;

    /// <summary>The smallest number of attending members that meets the quorum.</summary>
    public static int QuorumNeeded(int members, int numerator, int denominator) =>
        (int)(((long)members * numerator + denominator - 1) / denominator);

    public static bool ThresholdMet(int agree, int members, decimal percent, bool moreThan)
    {
        if (members <= 0) return false;
        var left = agree * 100m;
        var right = percent * members;
        return moreThan ? left > right : left >= right;
    }

    /// <summary>The threshold for an award code: its own row, else the "*" row, else more than half.</summary>
    public static (decimal Percent, bool MoreThan, string Source) ThresholdFor(IEnumerable<CouncilThreshold> rows, string code)
    {
        var list = rows.ToList();
        var t = list.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal))
            ?? list.FirstOrDefault(r => r.Code == CouncilThreshold.AnyCode);
        return t is null ? (50m, true, RegulationSource) : (t.Percent, t.MoreThan, t.Source);
    }

    /// <summary>
    /// One item's result. <paramref name="members"/> is every member of the council on the meeting date; a recused
    /// member stays in that base (the rule counts over all members) and so counts as not agreeing; attending =
    /// members who voted (in person or in writing) plus the recused who were present.
    /// </summary>
    public static ItemCount Count(int members, IReadOnlyCollection<CouncilChoice> ballots, int recused, int attending, int quorumNum, int quorumDen, decimal percent, bool moreThan)
    {
        var agree = ballots.Count(b => b == CouncilChoice.Agree);
        var disagree = ballots.Count(b => b == CouncilChoice.Disagree);
        var other = ballots.Count(b => b == CouncilChoice.Other);
        var quorum = QuorumMet(attending, members, quorumNum, quorumDen);
        return new ItemCount(members, agree, disagree, other, ballots.Count, recused, attending, quorum,
            quorum && ThresholdMet(agree, members, percent, moreThan), percent, moreThan);
    }

    public static string RuleText(decimal percent, bool moreThan) =>
        (moreThan ? "trên " : "ít nhất ") + (percent == 50m && moreThan ? "một nửa" : percent.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%") + " tổng số thành viên Hội đồng đồng ý";

    public static string RoleName(CouncilRole r) => r switch
    {
        CouncilRole.Chair => "Chủ tịch",
        CouncilRole.ViceChair => "Phó Chủ tịch",
        CouncilRole.Secretary => "Ủy viên thư ký",
        _ => "Ủy viên",
    };

    public static string ChoiceName(CouncilChoice c) => c switch
    {
        CouncilChoice.Agree => "Đồng ý",
        CouncilChoice.Disagree => "Không đồng ý",
        _ => "Ý kiến khác",
    };

    public static string StateName(CouncilSessionState s) => s switch
    {
        CouncilSessionState.Draft => "Dự thảo",
        CouncilSessionState.Open => "Đang bỏ phiếu",
        _ => "Đã kết thúc",
    };

    public static string ResultText(ItemCount c) =>
        FormattableString.Invariant($"Đồng ý {c.Agree}/{c.Members}, không đồng ý {c.Disagree}, ý kiến khác {c.Other}, tự khai xung đột lợi ích {c.Recused}; ") +
        (c.QuorumMet ? "" : "không đủ túc số; ") + "yêu cầu: " + RuleText(c.Percent, c.MoreThan);
}
