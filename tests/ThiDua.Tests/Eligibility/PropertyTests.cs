using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>
/// Properties over many generated histories (fixed seeds, so a failure reproduces): making a history
/// worse never makes a verdict better.
/// </summary>
public sealed class PropertyTests
{
    private static readonly Rating[] Ratings = [Rating.HTXSNV, Rating.HTTNV, Rating.HTTNV, Rating.HTNV, Rating.KHTNV];
    private static readonly string[] StreakCodes = ["CSTD_BO", "CSTDTQ", "BK_BO", "BK_TTG"];

    private static IEnumerable<(PersonBuilder Builder, int Year)> Histories(int seed, int count, int[]? years = null)
    {
        var rng = new Random(seed);
        years ??= [2019, 2025];
        for (var i = 0; i < count; i++)
        {
            var year = years[rng.Next(years.Length)];
            var b = new PersonBuilder();
            var start = year - rng.Next(5, 12);
            // Mostly strong histories, so that there are eligible verdicts to break.
            for (var y = start; y <= year; y++)
            {
                var rating = rng.Next(4) == 0 ? Ratings[rng.Next(Ratings.Length)] : (rng.Next(2) == 0 ? Rating.HTXSNV : Rating.HTTNV);
                var titles = TitleSet.LDTT | (rng.Next(3) > 0 ? TitleSet.CSTDCS : 0) | (rng.Next(4) == 0 ? TitleSet.CSTD_BO : 0);
                var initiatives = rng.Next(3);
                b.Year(y, rating, titles, initiatives, (InitiativeScope)rng.Next(1, 4), usedInitiatives: rng.Next(initiatives + 1));
            }
            if (rng.Next(2) == 0) b.Award(start + rng.Next(3), AwardForm.BK_BO);
            yield return (b, year);
        }
    }

    private static Dictionary<string, Verdict> Verdicts(IndividualFacts p, int year) =>
        EligibilityEngine.For(RuleBook.Default, year).Evaluate(p).ToDictionary(r => r.Code, r => r.Verdict);

    [Fact]
    public void InsertingHtnvYearInsideStreak_NeverTurnsStreakVerdictToEligible()
    {
        var checkedEligible = 0;
        foreach (var (b, year) in Histories(seed: 1, count: 3000))
        {
            var before = Verdicts(b.Build(), year);
            foreach (var y in b.YearsSoFar.Keys.Where(y => y < year).ToList())
            {
                // A HTNV year carries no LĐTT or CSTĐCS (they need HTTNV or better), so its titles go too.
                var worse = b.Clone().Year(y, Rating.HTNV, TitleSet.None, b.YearsSoFar[y].Initiatives);
                var after = Verdicts(worse.Build(), year);
                foreach (var code in StreakCodes)
                {
                    if (before[code] != Verdict.Eligible) Assert.NotEqual(Verdict.Eligible, after[code]);
                    else checkedEligible++;
                }
            }
        }
        Assert.True(checkedEligible > 100, $"the generator produced too few eligible streak verdicts ({checkedEligible})");
    }

    [Fact]
    public void RemovingAnInitiative_NeverTurnsAnyVerdictToEligible()
    {
        foreach (var (b, year) in Histories(seed: 2, count: 3000))
        {
            var before = Verdicts(b.Build(), year);
            foreach (var (y, f) in b.YearsSoFar.Where(kv => kv.Value.Initiatives > 0).ToList())
            {
                var fewer = b.Clone();
                var used = f.Initiatives - f.InitiativesNotUsed;
                fewer.Year(y, f.Rating, f.Titles, f.Initiatives - 1, f.WidestScope, usedInitiatives: Math.Min(used, f.Initiatives - 1));
                var after = Verdicts(fewer.Build(), year);
                foreach (var (code, verdict) in after)
                {
                    if (before[code] != Verdict.Eligible) Assert.NotEqual(Verdict.Eligible, verdict);
                }
            }
        }
    }

    [Fact]
    public void AddingDisciplineInTheEvaluatedYear_NeverTurnsAnyVerdictToEligible()
    {
        foreach (var (b, year) in Histories(seed: 3, count: 3000))
        {
            var before = Verdicts(b.Build(), year);
            var after = Verdicts(b.Clone().Disciplined(DisciplineLevel.KhienTrach, new DateOnly(year, 6, 1), new DateOnly(year, 8, 1)).Build(), year);
            Assert.Equal(Verdict.NotEligible, after["LDTT"]);
            foreach (var (code, verdict) in after)
            {
                if (before[code] != Verdict.Eligible) Assert.NotEqual(Verdict.Eligible, verdict);
            }
        }
    }

    [Fact]
    public void Evaluation_IsDeterministic_AndOneResultPerCodeInContractOrder()
    {
        foreach (var (b, year) in Histories(seed: 4, count: 500))
        {
            var p = b.Build();
            var a = EligibilityEngine.For(RuleBook.Default, year).Evaluate(p);
            var c = EligibilityEngine.For(RuleBook.Default, year).Evaluate(p);
            Assert.Equal(EligibilityCodes.Individual, a.Select(r => r.Code));
            Assert.Equal(a.Select(r => (r.Verdict, string.Join("|", r.Reasons))), c.Select(r => (r.Verdict, string.Join("|", r.Reasons))));
        }
    }

    [Fact]
    public void ReceivingTitleOrFormInYear_NeverMakesItEligibleAgainNextYear()
    {
        // One achievement, one award: whatever y+1 brings on its own, the same title or form cannot be
        // given again for y+1 on the achievements the award in y rewarded.
        var rng = new Random(11);
        var checkedEligible = 0;
        foreach (var (b, year) in Histories(seed: 3, count: 4000, years: [2017, 2019, 2022, 2023, 2024, 2025, 2030]))
        {
            var before = Verdicts(b.Build(), year);
            foreach (var code in StreakCodes.Where(c => before[c] == Verdict.Eligible))
            {
                checkedEligible++;
                var given = b.Clone();
                switch (code)
                {
                    case "CSTD_BO": given.Title(year, TitleSet.CSTD_BO); break;
                    case "CSTDTQ": given.Title(year, TitleSet.CSTDTQ); break;
                    case "BK_BO": given.Award(rng.Next(2) == 0 ? year : year + 1, AwardForm.BK_BO, rng.Next(2) == 0 ? year : null); break;
                    case "BK_TTG": given.Award(rng.Next(2) == 0 ? year : year + 1, AwardForm.BK_TTG, rng.Next(2) == 0 ? year : null); break;
                }
                // The next year as strong as it can be: excellent, every title below the one given, initiatives of every scope.
                given.Year(year + 1, Rating.HTXSNV, TitleSet.LDTT | TitleSet.CSTDCS | (code == "CSTDTQ" ? TitleSet.CSTD_BO : 0), 3, InitiativeScope.ToanQuoc);
                var after = Verdicts(given.Build(), year + 1);
                Assert.True(after[code] != Verdict.Eligible, $"{code} given in {year} is eligible again in {year + 1}");
            }
        }
        Assert.True(checkedEligible > 200, $"the generator produced too few eligible verdicts ({checkedEligible})");
    }
}
