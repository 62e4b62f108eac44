using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Features.Accounts;
using ThiDua.Features.Nominations;
using ThiDua.Features.Notifications;

namespace ThiDua.Tests.Notifications;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public sealed class DeadlineSweepTests() : AppTest()
{
    private async Task<int> NominationAsync(string agencyCode, NominationLevel level, NominationState state, DateOnly? dueOn, string code) =>
        await App.QueryAsync(async db =>
        {
            var agency = await db.Units.Where(u => u.Code == agencyCode).Select(u => u.Id).SingleAsync();
            var n = new Nomination
            {
                Code = code, Year = 2026, Subject = NominationSubject.Collective, UnitId = agency, AgencyId = agency, Level = level,
                BlocId = level == NominationLevel.Bloc ? await db.Blocs.Select(b => (int?)b.Id).FirstAsync() : null,
                State = state, DueOn = dueOn, CreatedBy = "test", CreatedUtc = DateTime.UtcNow, StateChangedUtc = DateTime.UtcNow,
            };
            db.Nominations.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    private Task<List<string>> NotifiedAsync(int nominationId) => App.QueryAsync(db =>
        db.Notifications.Where(n => n.DedupKey != null && n.DedupKey.StartsWith(FormattableString.Invariant($"deadline:nomination:{nominationId}:")))
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email!).ToListAsync());

    [Fact]
    public async Task Run_DueWithinTwoWorkingDays_NotifiesHandlersOnce()
    {
        // Today: Thursday 03/12/2026 (Vietnam, 09:00). Two working days: Friday 04/12 and Monday 07/12.
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        var bloc = await NominationAsync("BTCTW", NominationLevel.Bloc, NominationState.Submitted, new DateOnly(2026, 12, 7), "T-BLOC");
        var agency = await NominationAsync("BTCTW", NominationLevel.Agency, NominationState.PublicComment, new DateOnly(2026, 12, 5), "T-AGENCY");
        var far = await NominationAsync("BTCTW", NominationLevel.Bloc, NominationState.Submitted, new DateOnly(2026, 12, 8), "T-FAR");
        var draft = await NominationAsync("BTCTW", NominationLevel.Bloc, NominationState.Draft, new DateOnly(2026, 12, 4), "T-DRAFT");
        var past = await NominationAsync("BTCTW", NominationLevel.Bloc, NominationState.Submitted, new DateOnly(2026, 12, 2), "T-PAST");

        var added = await App.QueryAsync(db => DeadlineSweep.RunAsync(db, clock, 2));
        Assert.True(added >= 2);
        Assert.Contains("thuongtruc.khoi@thidua.vn", await NotifiedAsync(bloc));
        Assert.DoesNotContain("hoidong.btctw@thidua.vn", await NotifiedAsync(bloc));
        Assert.Equal(["hoidong.btctw@thidua.vn"], await NotifiedAsync(agency));
        Assert.Empty(await NotifiedAsync(far));
        Assert.Empty(await NotifiedAsync(draft));
        Assert.Empty(await NotifiedAsync(past));
        var text = await App.QueryAsync(db => db.Notifications.Where(n => n.DedupKey == DeadlineSweep.DedupKey(bloc, new DateOnly(2026, 12, 7))).Select(n => n.Text).FirstAsync());
        Assert.Contains("T-BLOC", text, StringComparison.Ordinal);
        Assert.Contains("07/12/2026", text, StringComparison.Ordinal);

        // The next hour's sweep (or another instance's) adds nothing.
        Assert.Equal(0, await App.QueryAsync(db => DeadlineSweep.RunAsync(db, clock, 2)));
        Assert.Single(await NotifiedAsync(agency));
    }

    [Fact]
    public async Task UniqueIndex_SameKeyFromAnotherInstance_RefusedAndSweepAddsNothing()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        var id = await NominationAsync("BTCTW", NominationLevel.Agency, NominationState.Submitted, new DateOnly(2026, 12, 4), "T-RACE");
        var secretary = await App.QueryAsync(db => db.Users.Where(u => u.Email == "hoidong.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        // Another instance saved the same key after this one's check: the unique index refuses, the sweep goes on.
        await App.ExecuteAsync(async db =>
        {
            await Notify.UsersOnceAsync(db, [secretary], NotificationKind.DeadlineNear, "x", null, DateTime.UtcNow, DeadlineSweep.DedupKey(id, new DateOnly(2026, 12, 4)));
            await using var other = App.Location.CreateContext();
            Notify.Users(other, [secretary], NotificationKind.DeadlineNear, "y", null, DateTime.UtcNow, DeadlineSweep.DedupKey(id, new DateOnly(2026, 12, 4)));
            await other.SaveChangesAsync();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(0, await App.QueryAsync(db => DeadlineSweep.RunAsync(db, clock, 2)));
        Assert.Single(await NotifiedAsync(id));
    }

    [Fact]
    public void Sweep_TestingEnvironment_Disabled()
    {
        var sweep = App.Services.GetRequiredService<DeadlineSweep>();
        Assert.False(sweep.Enabled);
        Assert.Equal(2, sweep.NearWorkingDays);
    }
}
