using ThiDua.DemoData;

namespace ThiDua.Features.Votes;

/// <summary>
/// The demo year 2019 for this feature, through the same code the pages call (see <see cref="BlocYearDemoContext"/>):
/// the summary conference of 4 March 2020 in Hà Nội votes on the Government Emulation Flag, one delegate per agency,
/// all 14 ballots for BTCTW, HVCTQG and ĐUK CCQ TW (unanimous, as the seed page reports), then the session is closed,
/// which records the three CO_CP proposals.
/// </summary>
public static class VotesDemo
{
    /// <summary>Invented delegates (one per agency, in the bloc's order), marked as demo data.</summary>
    private static readonly string[] Names =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Quang Cường", "Phạm Thu Dung", "Hoàng Minh Đức", "Vũ Thị Giang", "Đặng Văn Hải",
        "Bùi Thị Hạnh", "Đỗ Mạnh Hùng", "Ngô Thị Lan", "Dương Văn Long", "Lý Thị Mai", "Phan Quốc Nam", "Trịnh Thị Oanh",
    ];

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var votes = new VoteService(ctx.Db);
        var user = ctx.Secretariat;
        var session = await votes.CreateAsync(user, new SessionInput(ctx.BlocId, 2019, "Bỏ phiếu suy tôn tại Hội nghị tổng kết công tác thi đua, khen thưởng năm 2019",
            new DateOnly(2020, 3, 4), "Hà Nội", "Nguyễn Văn An (Trưởng ban, minh họa)\nTrần Thị Bình (minh họa)\nLê Quang Cường (minh họa)"), ct);

        var flags = BlocYearDemoContext.FlagAgencies2019.Select(c => ctx.Agencies[c]).ToList();
        var candidates = ctx.Ranking2019 is { Count: > 0 } ranking
            ? ranking.Take(7).ToList()
            : [.. flags, .. ctx.Agencies.Values.Where(id => !flags.Contains(id)).Take(4)];
        foreach (var f in flags.Where(f => !candidates.Contains(f))) candidates.Add(f);
        await votes.SetQuestionAsync(user, session.Id, session.Version, new QuestionInput("CO_CP", 3, 50, 50, ThresholdBase.Present, VoteService.DefaultBasis, candidates), ct);

        var i = 0;
        foreach (var (code, unitId) in ctx.Agencies)
        {
            await votes.AddDelegateAsync(user, session.Id, session.Version, unitId, $"{Names[i % Names.Length]} (minh họa)", i == 0 ? "Trưởng đoàn" : "Đại biểu", ct);
            i++;
        }
        var tokens = await votes.OpenAsync(user, session.Id, session.Version, ct);
        ctx.Db.ChangeTracker.Clear();

        var form = (await votes.BallotAsync(tokens[0].Token, ct)).Form!;
        var co = form.Questions.Single(q => q.AwardCode == "CO_CP");
        var names = ctx.Db.Units.Where(u => flags.Contains(u.Id)).Select(u => u.Name).ToHashSet();
        var chosen = co.Candidates.Where(c => names.Contains(c.Unit)).Select(c => c.CandidateId).ToList();
        foreach (var t in tokens) await votes.CastAsync(t.Token, chosen, ct);
        await votes.CloseAsync(user, session.Id, ct);
        ctx.Db.ChangeTracker.Clear();
    }
}
