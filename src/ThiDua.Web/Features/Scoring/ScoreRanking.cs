using System.Globalization;

namespace ThiDua.Features.Scoring;

/// <summary>A card's totals by kind of group: regular criteria, bonus (added) and penalty (subtracted).</summary>
public sealed record CardTotals(int UnitId, string UnitName, decimal Regular, decimal Bonus, decimal Penalty)
{
    public decimal Total => Regular + Bonus - Penalty;
}

public sealed record RankedCard(int Rank, CardTotals Card, bool SharedRank);

/// <summary>
/// The bloc's ranking: by total (regular + bonus − penalty), then the sheet's tie-break rules in order; units still
/// equal share a rank (1, 2, 2, 4). Pure, so the rules are tested without a database.
/// </summary>
public static class ScoreRanking
{
    public const string DefaultTieBreaks = "HigherRegular,FewerPenalty,HigherBonus";
    public const string DefaultSource = "Quy chế hoạt động của Khối (chưa có bản chính thức)";

    public static IReadOnlyList<TieBreak> ParseTieBreaks(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<TieBreak>(s, ignoreCase: false, out var t) && Enum.IsDefined(t) ? (TieBreak?)t : null)
            .Where(t => t is not null).Select(t => t!.Value).Distinct().ToList();

    public static string FormatTieBreaks(IEnumerable<TieBreak> rules) => string.Join(",", rules.Distinct().Select(r => r.ToString()));

    public static string Describe(TieBreak t) => t switch
    {
        TieBreak.HigherRegular => "tổng điểm các tiêu chí thường cao hơn",
        TieBreak.FewerPenalty => "ít điểm trừ hơn",
        _ => "điểm thưởng cao hơn",
    };

    public static string DescribeEnglish(TieBreak t) => t switch
    {
        TieBreak.HigherRegular => "higher total of the regular criteria",
        TieBreak.FewerPenalty => "fewer penalty points",
        _ => "higher bonus",
    };

    /// <summary>Compares two cards by total and then by the rules: negative when <paramref name="a"/> ranks first.</summary>
    public static int Compare(CardTotals a, CardTotals b, IReadOnlyList<TieBreak> rules)
    {
        var c = b.Total.CompareTo(a.Total);
        if (c != 0) return c;
        foreach (var r in rules)
        {
            c = r switch
            {
                TieBreak.HigherRegular => b.Regular.CompareTo(a.Regular),
                TieBreak.FewerPenalty => a.Penalty.CompareTo(b.Penalty),
                _ => b.Bonus.CompareTo(a.Bonus),
            };
            if (c != 0) return c;
        }
        return 0;
    }

    public static IReadOnlyList<RankedCard> Rank(IEnumerable<CardTotals> cards, IReadOnlyList<TieBreak> rules)
    {
        // Equal cards are listed by unit name (then id) so the order on the page is stable; they share the rank.
        var sorted = cards.OrderBy(c => c, Comparer<CardTotals>.Create((a, b) => Compare(a, b, rules)))
            .ThenBy(c => c.UnitName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ThenBy(c => c.UnitId).ToList();
        var result = new List<RankedCard>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var tiedWithPrevious = i > 0 && Compare(sorted[i - 1], sorted[i], rules) == 0;
            var tiedWithNext = i + 1 < sorted.Count && Compare(sorted[i], sorted[i + 1], rules) == 0;
            var rank = tiedWithPrevious ? result[i - 1].Rank : i + 1;
            result.Add(new RankedCard(rank, sorted[i], tiedWithPrevious || tiedWithNext));
        }
        return result;
    }

    /// <summary>
    /// The criteria's maxima may not add up to more than their group's maximum. Returns one Vietnamese message per
    /// group that breaks it, naming the group.
    /// </summary>
    public static IReadOnlyList<string> MaximaProblems(IEnumerable<(string Group, decimal GroupMax, IEnumerable<decimal> CriteriaMax)> groups)
    {
        var problems = new List<string>();
        foreach (var (name, max, criteria) in groups)
        {
            var sum = criteria.Sum();
            if (sum > max)
                problems.Add($"Nhóm \"{name}\": tổng điểm tối đa của các tiêu chí ({Points.Format(sum)}) vượt điểm tối đa của nhóm ({Points.Format(max)}).");
        }
        return problems;
    }
}

/// <summary>Score values: decimals in steps of 0,5, typed the Vietnamese way ("12,5") or with a dot ("12.5").</summary>
public static class Points
{
    public const decimal Limit = 1000m;

    /// <summary>Parses a score; null text is "not entered". False for anything but a number 0–1000 in steps of 0,5.</summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return true;
        if (s.Length > 7) return false;
        // One decimal separator at most, either ',' or '.', never grouping: "1.000" is not a score.
        var separators = s.Count(c => c is ',' or '.');
        if (separators > 1 || !s.All(c => char.IsAsciiDigit(c) || c is ',' or '.')) return false;
        s = s.Replace(',', '.');
        if (s.StartsWith('.') || s.EndsWith('.')) return false;
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return false;
        if (d < 0 || d > Limit || d * 2 != decimal.Truncate(d * 2)) return false;
        value = decimal.Round(d, 1);
        return true;
    }

    /// <summary>"12,5", "50", "—" for none.</summary>
    public static string Format(decimal? v) => v is not { } d ? "—"
        : d == decimal.Truncate(d) ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>As an input's value: the same as <see cref="Format"/> but empty for none.</summary>
    public static string Input(decimal? v) => v is null ? "" : Format(v);
}
