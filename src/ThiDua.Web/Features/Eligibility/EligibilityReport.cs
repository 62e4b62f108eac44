using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Eligibility;

public sealed record UnitNode(int Id, int? ParentId, string Name, string Code, UnitKind Kind, string SortKey);

/// <summary>The whole unit tree, read once per request: every per-unit figure below is grouped in memory over it.</summary>
public sealed class UnitTree
{
    private readonly ILookup<int?, UnitNode> _children;

    private UnitTree(List<UnitNode> nodes)
    {
        ById = nodes.ToDictionary(n => n.Id);
        _children = nodes.ToLookup(n => n.ParentId);
    }

    public IReadOnlyDictionary<int, UnitNode> ById { get; }

    public IEnumerable<(int Id, int? ParentId)> Pairs => ById.Values.Select(n => (n.Id, n.ParentId));

    public static async Task<UnitTree> LoadAsync(AppDbContext db, CancellationToken ct) =>
        new(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Code, u.Kind, u.SortKey)).ToListAsync(ct));

    /// <summary>The unit and its ancestors, nearest first; bounded by the number of units so a corrupt cycle cannot loop.</summary>
    public IEnumerable<int> SelfAndAncestors(int id)
    {
        int? current = id;
        for (var steps = 0; current is { } c && steps <= ById.Count && ById.TryGetValue(c, out var node); steps++)
        {
            yield return c;
            current = node.ParentId;
        }
    }

    /// <summary>The roots and every unit under them in tree order (parent before children, children by Vietnamese name), with depth.</summary>
    public List<(UnitNode Unit, int Depth)> Walk(IEnumerable<int> roots)
    {
        var result = new List<(UnitNode, int)>();
        var seen = new HashSet<int>();
        void Visit(UnitNode n, int depth)
        {
            if (!seen.Add(n.Id)) return;
            result.Add((n, depth));
            foreach (var c in _children[n.Id].OrderBy(c => c.SortKey, StringComparer.Ordinal)) Visit(c, depth + 1);
        }
        foreach (var r in roots)
        {
            if (ById.TryGetValue(r, out var node)) Visit(node, 0);
        }
        return result;
    }
}

/// <summary>One membership (quá trình công tác) that overlaps the evaluated year.</summary>
public sealed record MembershipRow(int Id, int PersonId, int UnitId, DateOnly From);

/// <summary>
/// Who belonged where in a given year: the registry as it was that year (unit memberships overlapping any day
/// of the year), not today's staff list, so a past year's figures do not change when people move.
/// </summary>
public static class YearMembers
{
    /// <summary>
    /// The memberships a person counts by in <paramref name="year"/>: those overlapping any day of it, and, for a
    /// person rated for the year whose earliest membership starts only after it, that earliest membership.
    /// </summary>
    /// <remarks>
    /// People imported or created without a hire date get a first membership starting on the day they were
    /// entered, yet their ratings (and their own page's verdicts) go back years. The registry has no earlier
    /// placement for them, so for a year they were rated in before it they count in the unit of their earliest
    /// membership; without that they would vanish from the past year's member counts and share limits.
    /// </remarks>
    private static IQueryable<UnitMembership> InYear(AppDbContext db, int year, IQueryable<int>? people = null)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var memberships = db.UnitMemberships.AsNoTracking();
        // Narrowed to some people inside each half of the union, where the person-id index serves it; a filter
        // on the union as a whole made PostgreSQL read every membership of the registry to join them.
        if (people is not null) memberships = memberships.Where(m => people.Contains(m.PersonId));
        var covering = memberships.Where(m => m.From <= end && (m.To == null || m.To >= start));
        // The earliest membership (by start, then id) starting after the year: then none covers the year.
        var earliestAfter = memberships.Where(m => m.From > end
            && !db.UnitMemberships.Any(o => o.PersonId == m.PersonId && (o.From < m.From || (o.From == m.From && o.Id < m.Id)))
            && db.YearRatings.Any(r => r.PersonId == m.PersonId && r.Year == year));
        return covering.Concat(earliestAfter);
    }

    /// <summary>The people who belonged to one of <paramref name="units"/> on some day of <paramref name="year"/>, as a subquery.</summary>
    public static IQueryable<int> Query(AppDbContext db, IReadOnlyCollection<int> units, int year)
    {
        var ids = units.ToList();
        return InYear(db, year).Where(m => ids.Contains(m.UnitId)).Select(m => m.PersonId);
    }

    /// <summary>
    /// Every membership overlapping the year of every person in <see cref="Query"/>, including memberships in
    /// units outside the selection: a person's unit of record for the year may lie elsewhere.
    /// </summary>
    public static Task<List<MembershipRow>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> units, int year, CancellationToken ct)
    {
        return InYear(db, year, Query(db, units, year)).Select(m => new MembershipRow(m.Id, m.PersonId, m.UnitId, m.From)).ToListAsync(ct);
    }

    /// <summary>The LĐTT and CSTĐCS titles conferred for the year on those people, by person id (one query, not one per unit).</summary>
    public static async Task<ILookup<int, string>> TitlesAsync(AppDbContext db, IReadOnlyCollection<int> units, int year, CancellationToken ct)
    {
        var members = Query(db, units, year);
        var rows = await db.Awards.AsNoTracking()
            .Where(a => a.Year == year && a.Status == AwardStatus.Conferred && (a.Code == EligibilityCodes.LDTT || a.Code == EligibilityCodes.CSTDCS)
                && a.PersonId != null && members.Contains(a.PersonId.Value))
            .Select(a => new { PersonId = a.PersonId!.Value, a.Code }).ToListAsync(ct);
        return rows.Distinct().ToLookup(r => r.PersonId, r => r.Code);
    }

    /// <summary>
    /// The unit a person counts in for the year when they must be counted once (share limits): the membership
    /// that started last in the year, i.e. where they were at the end of it or when they left.
    /// </summary>
    public static Dictionary<int, int> UnitOfRecord(IEnumerable<MembershipRow> rows)
    {
        // One pass, keeping each person's latest start (then highest id): no grouping and sorting per person.
        var latest = new Dictionary<int, MembershipRow>();
        foreach (var r in rows)
        {
            if (!latest.TryGetValue(r.PersonId, out var kept) || r.From > kept.From || (r.From == kept.From && r.Id > kept.Id)) latest[r.PersonId] = r;
        }
        return latest.ToDictionary(kv => kv.Key, kv => kv.Value.UnitId);
    }
}

/// <summary>
/// A collective's figures for a year: its members are the people whose membership covered any day of the year
/// in the unit or a unit under it. A member without a rating for the year is reported as missing data rather
/// than passed silently as "did not complete their tasks".
/// </summary>
public sealed record CollectiveFigures(int UnitId, CollectiveFacts Facts, int Members, IReadOnlyList<int> MissingRating, bool HasRecord)
{
    public static async Task<List<CollectiveFigures>> BuildAsync(AppDbContext db, UnitTree tree, IEnumerable<int> unitIds,
        IReadOnlyList<MembershipRow> memberships, IReadOnlyDictionary<int, IndividualFacts> factsByPerson, ILookup<int, string> titles,
        int year, RuleSet ruleSet, DateOnly today, CancellationToken ct)
    {
        var units = unitIds.Distinct().Where(tree.ById.ContainsKey).ToList();
        var wanted = units.ToHashSet();
        var records = await db.UnitYearRecords.AsNoTracking().Where(r => r.Year == year && units.Contains(r.UnitId)).ToDictionaryAsync(r => r.UnitId, ct);
        var underReview = (await db.UnitReviews.AsNoTracking().Where(r => units.Contains(r.UnitId) && r.From <= today && (r.To == null || r.To >= today))
            .Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();

        // A membership in a unit makes the person a member of that unit and of every unit above it.
        var members = units.ToDictionary(u => u, _ => new HashSet<int>());
        foreach (var m in memberships)
        {
            foreach (var a in tree.SelfAndAncestors(m.UnitId))
            {
                if (wanted.Contains(a)) members[a].Add(m.PersonId);
            }
        }

        var levels = ruleSet.CollectiveDisciplineLevels.ToHashSet();
        var completedFrom = ruleSet.CompletedTasksMinRating;
        var result = new List<CollectiveFigures>(units.Count);
        foreach (var u in units)
        {
            var ids = members[u];
            int completed = 0, ldtt = 0, cstdcs = 0, disciplined = 0;
            var missing = new List<int>();
            foreach (var id in ids)
            {
                var f = factsByPerson.GetValueOrDefault(id);
                var rating = f?.For(year).Rating ?? Rating.None;
                if (rating == Rating.None) missing.Add(id);
                // Enum order is the rating order: the rule set's rating and better means the member completed their tasks.
                else if (rating >= completedFrom) completed++;
                var held = titles[id].ToList();
                if (held.Contains(EligibilityCodes.LDTT)) ldtt++;
                if (held.Contains(EligibilityCodes.CSTDCS)) cstdcs++;
                if (f is not null && f.Discipline.Any(d => d.Touches(year) && levels.Contains(d.Level))) disciplined++;
            }
            var facts = new CollectiveFacts { Id = tree.ById[u].Code, PendingReview = underReview.Contains(u) };
            var hasRecord = records.TryGetValue(u, out var record);
            // Without the collective's own rating, or without members, there is nothing to evaluate: the engine says so.
            if (record is not null && ids.Count > 0)
                facts.Years[year] = new CollectiveYearFacts(record.Rating, ids.Count, completed, ldtt, cstdcs, disciplined, record.United);
            result.Add(new CollectiveFigures(u, facts, ids.Count, missing, hasRecord));
        }
        return result;
    }

    /// <summary>
    /// The engine's verdicts for this collective, with a first reason on a not-eligible verdict when members
    /// lack a rating for the year: the shortfall may be missing data rather than members who did not complete
    /// their tasks. The engine is pure and unchanged; the reason is added here, culture-invariant like its own.
    /// </summary>
    public IReadOnlyList<EligibilityResult> Annotate(IReadOnlyList<EligibilityResult> results, int year)
    {
        if (MissingRating.Count == 0) return results;
        var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Thiếu kết quả xếp loại năm {year} của {MissingRating.Count} thành viên: chưa đủ dữ liệu để kết luận");
        return results.Select(r => r.Verdict == Verdict.NotEligible ? r with { Reasons = [reason, .. r.Reasons] } : r).ToList();
    }
}

/// <summary>
/// Everything /Eligibility shows for a selection of units and a year, loaded with a fixed number of set-based
/// queries whatever the size of the selection (about ten for an agency of 20.000 people or a whole bloc):
/// the unit tree, the year's memberships, the people and their facts (five; the year's titles are taken from the
/// awards read for the facts), the collectives' own records and open reviews. Everything else is grouped in memory.
/// </summary>
public sealed record EligibilityReport(
    RuleSet RuleSet,
    int Year,
    IReadOnlyList<EligibilityReport.PersonRow> People,
    IReadOnlyDictionary<string, int> EligibleCounts,
    IReadOnlyList<EligibilityReport.CollectiveRow> Collectives,
    IReadOnlyList<QuotaFinding> Quotas)
{
    public sealed record PersonRef(int Id, string FullName);

    public sealed record PersonRow(int PersonId, string PersonalCode, string FullName, string SearchName, string Unit, IReadOnlyList<EligibilityResult> Results);

    public sealed record CollectiveRow(int UnitId, string Name, int Depth, CollectiveYearFacts? Facts, int Members, bool HasRecord, bool PendingReview,
        IReadOnlyList<PersonRef> MissingRating, IReadOnlyList<EligibilityResult> Results);

    public static async Task<EligibilityReport> BuildAsync(AppDbContext db, RuleSet ruleSet, int year, string selectionName, IReadOnlyCollection<int> roots,
        DateOnly today, CancellationToken ct = default)
    {
        var engine = new EligibilityEngine(ruleSet, year);
        var tree = await UnitTree.LoadAsync(db, ct);
        var walk = tree.Walk(roots);
        var selection = walk.Select(w => w.Unit.Id).ToHashSet();
        var memberships = await YearMembers.LoadAsync(db, selection, year, ct);
        // The people, their facts and the year's titles in one pass over the history tables (RegistryFacts.LoadAsync).
        var loaded = await RegistryFacts.LoadAsync(db, YearMembers.Query(db, selection, year), year, ct);
        var people = loaded.People;
        var titles = loaded.TitlesOfYear;
        var factsByPerson = new Dictionary<int, IndividualFacts>(people.Count);
        for (var i = 0; i < people.Count; i++) factsByPerson[people[i].Id] = loaded.Facts[i];
        var names = people.ToDictionary(p => p.Id, p => VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName));

        // People: everyone who belonged to the selection during the year, shown in the last unit of the selection they were in.
        var unitInSelection = YearMembers.UnitOfRecord(memberships.Where(m => selection.Contains(m.UnitId)));
        // A selection of several agencies (a whole bloc) names the agency beside the unit: "Văn phòng" exists in every one.
        int? AgencyOf(int unit) => tree.SelfAndAncestors(unit).Cast<int?>().FirstOrDefault(id => tree.ById[id!.Value].Kind == UnitKind.Agency);
        var mixesAgencies = selection.Select(AgencyOf).Where(a => a is not null).Distinct().Skip(1).Any();
        string UnitLabel(int unit)
        {
            var name = tree.ById[unit].Name;
            return mixesAgencies && AgencyOf(unit) is { } a && a != unit ? $"{name} — {tree.ById[a].Name}" : name;
        }
        var rows = people.OrderBy(p => p.SortKey, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.Id, p.PersonalCode, names[p.Id], p.SearchName,
                unitInSelection.TryGetValue(p.Id, out var u) && tree.ById.ContainsKey(u) ? UnitLabel(u) : "",
                engine.Evaluate(factsByPerson[p.Id])))
            .ToList();
        var counts = EligibilityCodes.Individual.ToDictionary(c => c, _ => 0);
        foreach (var r in rows)
        {
            foreach (var x in r.Results)
            {
                if (x.Verdict == Verdict.Eligible) counts[x.Code]++;
            }
        }

        // Collectives: every unit of the selection, in tree order.
        var figures = (await CollectiveFigures.BuildAsync(db, tree, walk.Select(w => w.Unit.Id), memberships, factsByPerson, titles, year, ruleSet, today, ct))
            .ToDictionary(f => f.UnitId);
        // An agency may set its own TTLĐTT criteria where the rule set delegates them: its collectives are evaluated with them.
        var criteria = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Agency && (u.TtldttLdttPercentMoreThan != null || u.TtldttNoMemberDisciplined != null))
            .Select(u => new { u.Id, u.Name, u.TtldttLdttPercentMoreThan, u.TtldttNoMemberDisciplined }).ToDictionaryAsync(u => u.Id, ct);
        var engines = new Dictionary<int, EligibilityEngine>();
        EligibilityEngine EngineFor(int unitId)
        {
            if (criteria.Count == 0 || ruleSet.Rules.Ttldtt.SetBy is null) return engine;
            foreach (var a in tree.SelfAndAncestors(unitId))
            {
                if (!criteria.TryGetValue(a, out var c)) continue;
                if (!engines.TryGetValue(a, out var own))
                    engines[a] = own = new EligibilityEngine(AgencyCriteria.Apply(ruleSet, c.Name, c.TtldttLdttPercentMoreThan, c.TtldttNoMemberDisciplined), year);
                return own;
            }
            return engine;
        }
        var collectives = walk.Select(w =>
        {
            var f = figures[w.Unit.Id];
            return new CollectiveRow(w.Unit.Id, w.Unit.Name, w.Depth, f.Facts.Years.TryGetValue(year, out var y) ? y : null, f.Members, f.HasRecord,
                f.Facts.PendingReview, f.MissingRating.Select(id => new PersonRef(id, names.GetValueOrDefault(id, ""))).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList(),
                f.Annotate(EngineFor(w.Unit.Id).Evaluate(f.Facts), year));
        }).ToList();

        // Share limits per agency (and per chosen root): conferred titles counted once per person, in the unit
        // they belonged to that year — not their unit today.
        var quotaUnits = walk.Where(w => w.Depth == 0 || w.Unit.Kind == UnitKind.Agency).Select(w => w.Unit).ToList();
        var quotaIds = quotaUnits.Select(u => u.Id).ToHashSet();
        var ldtt = quotaUnits.ToDictionary(u => u.Id, _ => 0);
        var cstdcs = quotaUnits.ToDictionary(u => u.Id, _ => 0);
        foreach (var (personId, unitId) in YearMembers.UnitOfRecord(memberships))
        {
            var held = titles[personId].ToList();
            if (held.Count == 0) continue;
            foreach (var a in tree.SelfAndAncestors(unitId).Where(quotaIds.Contains))
            {
                if (held.Contains(EligibilityCodes.LDTT)) ldtt[a]++;
                if (held.Contains(EligibilityCodes.CSTDCS)) cstdcs[a]++;
            }
        }
        var proposals = quotaUnits.Select(u => new UnitProposals(u.Code, $"{u.Name} — đã công nhận năm {year}", ldtt[u.Id], cstdcs[u.Id])).ToList();
        proposals.Add(new UnitProposals("*", $"{selectionName} — nếu đề nghị mọi người đủ điều kiện", counts[EligibilityCodes.LDTT], counts[EligibilityCodes.CSTDCS]));
        return new EligibilityReport(ruleSet, year, rows, counts, collectives, QuotaCheck.Check(ruleSet, year, proposals));
    }
}
