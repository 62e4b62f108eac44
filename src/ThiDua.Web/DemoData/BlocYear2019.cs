using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;

namespace ThiDua.DemoData;

/// <summary>
/// What the steps of the demo year 2019 share: the database, the app's services, the bloc and its member agencies,
/// and what earlier steps produced for later ones (the 2019 movement, the published ranking).
/// </summary>
/// <remarks>
/// Each feature of the bloc's year seeds its part of 2019 in <c>Features/X/XDemo.cs</c> through the same code the
/// pages call (issue 9: "produced through the same code paths as the pages, not by inserting rows"), acting as the
/// demo accounts would: the bloc secretariat, each agency's emulation officer.
/// </remarks>
public sealed class BlocYearDemoContext
{
    public required AppDbContext Db { get; init; }
    public required IServiceProvider Services { get; init; }
    public required int BlocId { get; init; }
    /// <summary>The 14 member agencies by unit code (BTCTW, HVCTQG, …), in the bloc's order.</summary>
    public required IReadOnlyDictionary<string, int> Agencies { get; init; }

    /// <summary>The account that acts for the bloc secretariat (thường trực khối).</summary>
    public string Secretariat => "thuongtruc.khoi@thidua.vn";

    /// <summary>The account that acts for an agency: its demo officer where one exists, else a named stand-in for the audit log.</summary>
    public string OfficerOf(string agencyCode) => agencyCode switch
    {
        "BTCTW" => "tdkt.btctw@thidua.vn",
        "HVCTQG" => "tdkt.hvctqg@thidua.vn",
        _ => $"tdkt.{agencyCode.ToLowerInvariant()}@thidua.vn (minh họa)",
    };

    /// <summary>Set by the movements step: the bloc's regular movement of 2019.</summary>
    public int? Movement2019Id { get; set; }

    /// <summary>Set by the scoring step: the member agencies' unit ids in the published 2019 ranking, first place first.</summary>
    public IReadOnlyList<int>? Ranking2019 { get; set; }

    /// <summary>
    /// The subjects of the bloc leader's 2019 Bằng khen (seed-facts: 13 collectives with the Youth Union of BTCTW among
    /// them, 35 individuals), chosen by the registry's seeding; the nominations step files a dossier for each.
    /// </summary>
    public IReadOnlyList<int> BkCollectives2019 { get; set; } = [];
    public IReadOnlyList<int> BkIndividuals2019 { get; set; } = [];

    /// <summary>The three agencies seed-facts names as the Government Emulation Flag proposals of 2019, in rank order.</summary>
    public static readonly string[] FlagAgencies2019 = ["BTCTW", "HVCTQG", "DUKCQTW"];
}

/// <summary>Runs the steps of the demo year 2019 in order; called once by <see cref="DemoSeeder"/> after the registry and accounts.</summary>
public static class BlocYear2019
{
    public static async Task SeedAsync(AppDbContext db, IServiceProvider services, IReadOnlyList<int> bkCollectives2019, IReadOnlyList<int> bkIndividuals2019, CancellationToken ct)
    {
        // The registry's seeding leaves thousands of saved entities tracked (and change detection off); every save of
        // the steps would scan them. Start the year from an empty tracker, detecting changes as the pages' saves do.
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var bloc = await db.Blocs.SingleAsync(b => b.Code == DemoSeeder.BlocCode, ct);
        var codes = DemoSeeder.Agencies.Select(a => a.Code).ToList();
        var ids = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var ctx = new BlocYearDemoContext
        {
            Db = db,
            Services = services,
            BlocId = bloc.Id,
            Agencies = codes.ToDictionary(c => c, c => ids[c]),
            BkCollectives2019 = bkCollectives2019,
            BkIndividuals2019 = bkIndividuals2019,
        };
        await Features.Movements.MovementsDemo.SeedAsync(ctx, ct);
        await Features.Registrations.RegistrationsDemo.SeedAsync(ctx, ct);
        await Features.Agreements.AgreementsDemo.SeedAsync(ctx, ct);
        await Features.Scoring.ScoringDemo.SeedAsync(ctx, ct);
        await Features.Votes.VotesDemo.SeedAsync(ctx, ct);
        await Features.Models.ModelsDemo.SeedAsync(ctx, ct);
        // Issue 10: the working calendar, dossiers through appraisal, the councils' ballots, the decisions.
        await Features.Calendar.CalendarDemo.SeedAsync(ctx, ct);
        await Features.Nominations.NominationsDemo.SeedAsync(ctx, ct);
        await Features.Councils.CouncilsDemo.SeedAsync(ctx, ct);
        await Features.Decisions.DecisionsDemo.SeedAsync(ctx, ct);
        db.ChangeTracker.Clear();
    }
}
