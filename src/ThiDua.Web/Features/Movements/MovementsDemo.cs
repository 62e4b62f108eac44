using ThiDua.DemoData;

namespace ThiDua.Features.Movements;

/// <summary>The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>).</summary>
public static class MovementsDemo
{
    public static Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct) => Task.CompletedTask;
}
