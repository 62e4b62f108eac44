using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Eligibility;

/// <summary>Builds engine input with defaults, so each test states only what it is about.</summary>
internal sealed class PersonBuilder
{
    private readonly Dictionary<int, YearFacts> _years = [];
    private readonly List<DisciplinePeriod> _discipline = [];
    private readonly List<AwardFact> _awards = [];
    private DateOnly? _hired;
    private bool _pending;

    public PersonBuilder Year(int year, Rating rating, TitleSet titles = TitleSet.None, int initiatives = 0, InitiativeScope scope = InitiativeScope.CoSo, int usedInitiatives = 0)
    {
        _years[year] = new YearFacts(rating, titles, (ushort)initiatives, (ushort)(initiatives - usedInitiatives), initiatives > 0 ? scope : InitiativeScope.None);
        return this;
    }

    public PersonBuilder Years(int from, int to, Rating rating, TitleSet titles = TitleSet.None, int initiatives = 0)
    {
        for (var y = from; y <= to; y++) Year(y, rating, titles, initiatives);
        return this;
    }

    public PersonBuilder Hired(int year, int month, int day) { _hired = new DateOnly(year, month, day); return this; }
    public PersonBuilder Disciplined(DisciplineLevel level, DateOnly from, DateOnly to) { _discipline.Add(new(level, from, to)); return this; }
    public PersonBuilder Award(int year, AwardForm form, int? periodTo = null, AwardBasis basis = AwardBasis.Merit) { _awards.Add(new(year, form, periodTo, basis)); return this; }

    /// <summary>Adds titles to a year already recorded (or records it as HTXSNV).</summary>
    public PersonBuilder Title(int year, TitleSet title)
    {
        var f = _years.TryGetValue(year, out var y) ? y : new YearFacts(Rating.HTXSNV, TitleSet.None, 0, 0, InitiativeScope.None);
        _years[year] = f with { Titles = f.Titles | title };
        return this;
    }
    public PersonBuilder PendingReview() { _pending = true; return this; }

    public IndividualFacts Build(string id = "X")
    {
        var years = IndividualFacts.BuildYears(new Dictionary<int, YearFacts>(_years), out var first);
        return new IndividualFacts { Id = id, HiredOn = _hired, PendingReview = _pending, Discipline = [.. _discipline], Awards = [.. _awards], FirstYear = first, Years = years };
    }

    public PersonBuilder Clone()
    {
        var c = new PersonBuilder { _hired = _hired, _pending = _pending };
        foreach (var kv in _years) c._years[kv.Key] = kv.Value;
        c._discipline.AddRange(_discipline);
        c._awards.AddRange(_awards);
        return c;
    }

    public IReadOnlyDictionary<int, YearFacts> YearsSoFar => _years;
}

internal static class Engine
{
    public static RuleSet Set2013 => RuleBook.Default.For(2019);
    public static RuleSet Set2022 => RuleBook.Default.For(2025);

    public static Verdict Verdict(IndividualFacts p, int year, string code) =>
        EligibilityEngine.For(RuleBook.Default, year).Evaluate(p).Single(r => r.Code == code).Verdict;

    public static EligibilityResult Result(IndividualFacts p, int year, string code) =>
        EligibilityEngine.For(RuleBook.Default, year).Evaluate(p).Single(r => r.Code == code);
}
