using Microsoft.EntityFrameworkCore;
using ThiDua.DemoData;

namespace ThiDua.Features.Scoring;

/// <summary>
/// The demo year 2019 for this feature, through <see cref="ScoringService"/> as the pages call it: the secretariat
/// sets up and applies the 2019 sheet in January 2019, every member self-scores in December, cross-checks run by
/// rotation, the secretariat settles the scores (one override with a reason), publishes the ranking (BTCTW, HVCTQG,
/// ĐUK CCQ TW first) and closes the sheet after the conference of 4 March 2020; then a 2020 draft copied from 2019.
/// </summary>
public static class ScoringDemo
{
    /// <summary>The demo's own clock: each step happens at its date in 2019–2020 (Vietnam time).</summary>
    private sealed class DemoClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }

    private static DateTimeOffset Vn(int y, int m, int d, int h = 9) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(7));

    private static void Check(Outcome o, string step)
    {
        if (!o.Ok) throw new InvalidOperationException($"scoring demo, {step}: {string.Join(" | ", o.Errors)}");
    }

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var clock = new DemoClock { Now = Vn(2019, 1, 8) };
        var service = new ScoringService(db, clock);
        var sec = ScoringActor.Secretary(ctx.Secretariat);

        var created = await service.CreateSheetAsync(sec, ctx.BlocId, 2019, "Bảng tiêu chí chấm điểm thi đua năm 2019", new DateOnly(2020, 1, 10), ct);
        Check(created, "create");
        var sheetId = created.Id!.Value;
        int V() => db.ScoreSheets.AsNoTracking().Where(s => s.Id == sheetId).Select(s => s.Version).First();

        (string Group, GroupKind Kind, string Max, (string Name, string Max, bool Evidence)[] Criteria)[] plan =
        [
            ("Thực hiện nhiệm vụ chính trị", GroupKind.Regular, "50",
            [
                ("Hoàn thành các nhiệm vụ trọng tâm được Bộ Chính trị, Ban Bí thư giao", "20", true),
                ("Tham mưu, đề xuất chủ trương, chính sách thuộc lĩnh vực phụ trách", "20", true),
                ("Cải cách hành chính, ứng dụng công nghệ thông tin", "10", false),
            ]),
            ("Công tác xây dựng Đảng, đoàn thể", GroupKind.Regular, "20",
            [
                ("Tổ chức đảng đạt trong sạch, vững mạnh", "10", true),
                ("Hoạt động của công đoàn, đoàn thanh niên, hội cựu chiến binh", "10", false),
            ]),
            ("Thực hiện phong trào thi đua", GroupKind.Regular, "20",
            [
                ("Phát động, tổ chức phong trào thi đua thường xuyên và theo chuyên đề", "10", true),
                ("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", "10", false),
            ]),
            ("Công tác khối", GroupKind.Regular, "10",
            [
                ("Tham gia đầy đủ các hoạt động chung của khối", "5", false),
                ("Báo cáo đúng hạn, đầy đủ theo yêu cầu của khối", "5", false),
            ]),
            ("Điểm thưởng", GroupKind.Bonus, "5", [("Mô hình mới, cách làm hay được khối ghi nhận", "5", true)]),
            ("Điểm trừ", GroupKind.Penalty, "5", [("Vi phạm quy chế phối hợp, chậm nộp báo cáo", "5", false)]),
        ];
        foreach (var (group, kind, max, criteria) in plan)
        {
            Check(await service.AddGroupAsync(sec, sheetId, V(), group, kind, max, ct), "group " + group);
            var groupId = db.ScoreGroups.AsNoTracking().Where(g => g.SheetId == sheetId && g.Name == group).Select(g => g.Id).First();
            foreach (var (name, cmax, evidence) in criteria)
                Check(await service.AddCriterionAsync(sec, sheetId, groupId, V(), name, cmax, evidence, ct), "criterion " + name);
        }

        clock.Now = Vn(2019, 1, 15);
        Check(await service.ApplyAsync(sec, sheetId, V(), ct), "apply");

        // The order the scores are made for: the three flag agencies first, then the others in the bloc's order.
        var order = BlocYearDemoContext.FlagAgencies2019.Concat(ctx.Agencies.Keys.Where(c => !BlocYearDemoContext.FlagAgencies2019.Contains(c))).ToList();
        var cards = await db.ScoreCards.AsNoTracking().Where(c => c.SheetId == sheetId).Select(c => new { c.Id, c.UnitId }).ToListAsync(ct);
        var cardOf = cards.ToDictionary(c => c.UnitId, c => c.Id);
        var entries = await db.ScoreCriteria.AsNoTracking().Where(c => c.Group!.SheetId == sheetId)
            .OrderBy(c => c.Group!.Order).ThenBy(c => c.Order).Select(c => new { c.Id, c.MaxPoints, c.Group!.Kind, c.Name }).ToListAsync(ct);
        var regular = entries.Where(e => e.Kind == GroupKind.Regular).ToList();

        // Self-scores: 1,5 points below the one before in the order, taken half a point at a time across the regular
        // criteria; bonus 5 for the flag agencies and 3 for the others; 1 penalty point for two late reporters.
        for (var k = 0; k < order.Count; k++)
        {
            var code = order[k];
            var unitId = ctx.Agencies[code];
            var self = regular.ToDictionary(e => e.Id, e => e.MaxPoints);
            var halfPoints = 3 * k;
            for (var i = 0; halfPoints > 0; i = (i + 1) % regular.Count, halfPoints--) self[regular[i].Id] -= 0.5m;
            var inputs = new List<SelfInput>();
            foreach (var e in entries)
            {
                var points = e.Kind switch
                {
                    GroupKind.Regular => self[e.Id],
                    GroupKind.Bonus => k < 3 ? 5m : 3m,
                    _ => k is 7 or 9 ? 1m : 0m,
                };
                var evidence = e.Kind switch
                {
                    GroupKind.Penalty when points > 0 => "Nộp báo cáo sơ kết 6 tháng chậm 10 ngày so với yêu cầu của khối.",
                    GroupKind.Penalty => null,
                    GroupKind.Bonus => $"Mô hình \"Ngày thứ Bảy tình nguyện\" của đoàn viên, công chức {code}, được nêu trong thông báo của khối.",
                    _ => $"Báo cáo tổng kết công tác năm 2019 của {code}, phần \"{e.Name}\"; các văn bản kèm theo.",
                };
                inputs.Add(new SelfInput(e.Id, Points.Input(points), evidence));
            }
            var actor = ScoringActor.OfficerOf(ctx.OfficerOf(code), unitId);
            var cardId = cardOf[unitId];
            clock.Now = Vn(2019, 12, 10 + k % 5, 9 + k % 7);
            Check(await service.SaveSelfAsync(actor, cardId, CardVersion(db, cardId), inputs, null, ct), "self " + code);
            clock.Now = clock.Now.AddDays(5);
            Check(await service.SubmitAsync(actor, cardId, CardVersion(db, cardId), ct), "submit " + code);
        }

        clock.Now = Vn(2019, 12, 23);
        Check(await service.RotateAsync(sec, sheetId, V(), ct), "rotation");

        // Cross-checks: for every other unit the reviewer finds the evidence of the first criterion thin and proposes half a point less.
        var first = regular[0];
        var assigned = await db.ScoreCards.AsNoTracking().Where(c => c.SheetId == sheetId).Select(c => new { c.Id, c.UnitId, Reviewer = c.ReviewerUnitId!.Value }).ToListAsync(ct);
        var codeOf = ctx.Agencies.ToDictionary(a => a.Value, a => a.Key);
        clock.Now = Vn(2020, 1, 6);
        foreach (var c in assigned.OrderBy(c => order.IndexOf(codeOf[c.UnitId])))
        {
            var k = order.IndexOf(codeOf[c.UnitId]);
            var self = await db.ScoreEntries.AsNoTracking().Where(e => e.CardId == c.Id && e.CriterionId == first.Id).Select(e => e.SelfPoints!.Value).FirstAsync(ct);
            var peer = k % 2 == 0
                ? new List<PeerInput> { new(first.Id, Points.Input(self - 0.5m), "Minh chứng chưa nêu kết quả cụ thể của một nhiệm vụ trọng tâm; đề nghị trừ 0,5 điểm.") }
                : [];
            var reviewer = ScoringActor.OfficerOf(ctx.OfficerOf(codeOf[c.Reviewer]), c.Reviewer);
            Check(await service.SavePeerAsync(reviewer, c.Id, CardVersion(db, c.Id), peer, send: true, ct), "cross-check " + codeOf[c.UnitId]);
            clock.Now = clock.Now.AddHours(2);
        }

        // Reconciliation: the peer's proposal where it differs, the self-score elsewhere; one override of a bonus.
        clock.Now = Vn(2020, 2, 20);
        var bonus = entries.Single(e => e.Kind == GroupKind.Bonus);
        foreach (var c in assigned.OrderBy(c => order.IndexOf(codeOf[c.UnitId])))
        {
            var k = order.IndexOf(codeOf[c.UnitId]);
            var rows = await db.ScoreEntries.AsNoTracking().Where(e => e.CardId == c.Id).Select(e => new { e.CriterionId, e.SelfPoints, e.PeerPoints }).ToListAsync(ct);
            var inputs = rows.Select(r => k == 5 && r.CriterionId == bonus.Id
                    ? new ReconcileInput(r.CriterionId, FinalSource.Override, "2", "Mô hình mới chưa có văn bản ghi nhận của khối; Thường trực khối thống nhất 2 điểm thưởng.")
                    : new ReconcileInput(r.CriterionId, r.PeerPoints != r.SelfPoints ? FinalSource.Peer : FinalSource.Self, null, null)).ToList();
            Check(await service.ReconcileAsync(sec, c.Id, CardVersion(db, c.Id), inputs, ct), "reconcile " + codeOf[c.UnitId]);
        }

        clock.Now = Vn(2020, 2, 25);
        Check(await service.PublishAsync(sec, sheetId, V(), ct), "publish");
        var sheet = await db.ScoreSheets.AsNoTracking().FirstAsync(s => s.Id == sheetId, ct);
        ctx.Ranking2019 = await ScoringQueries.PublishedRankingAsync(db, ctx.BlocId, 2019, ct);

        clock.Now = Vn(2020, 3, 4, 17);
        Check(await service.CloseAsync(sec, sheetId, V(), ct), "close");

        clock.Now = Vn(2020, 3, 10);
        Check(await service.CopyFromPreviousYearAsync(sec, sheet.BlocId, 2020, ct), "copy 2020");
    }

    private static int CardVersion(Data.AppDbContext db, int cardId) => db.ScoreCards.AsNoTracking().Where(c => c.Id == cardId).Select(c => c.Version).First();
}
