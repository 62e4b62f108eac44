using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Scoring;

namespace ThiDua.Tests.Scoring;

/// <summary>The demo year 2019 of the scoring, produced through the service.</summary>
public sealed class ScoringDemoTests : AppTest
{
    [Fact]
    public async Task Demo2019_SheetClosedAndRankingPublished_FlagAgenciesFirst()
    {
        var sheet = await App.QueryAsync(db => db.ScoreSheets.Include(s => s.Groups).ThenInclude(g => g.Criteria).SingleAsync(s => s.BlocId == 1 && s.Year == 2019));
        Assert.Equal(SheetState.Closed, sheet.State);
        Assert.NotNull(sheet.PublishedUtc);
        Assert.Equal(new DateTime(2019, 1, 15, 2, 0, 0), sheet.AppliedUtc);
        Assert.Equal(["Thực hiện nhiệm vụ chính trị", "Công tác xây dựng Đảng, đoàn thể", "Thực hiện phong trào thi đua", "Công tác khối", "Điểm thưởng", "Điểm trừ"],
            sheet.Groups.OrderBy(g => g.Order).Select(g => g.Name));
        var ranking = await App.QueryAsync(db => ScoringQueries.PublishedRankingAsync(db, 1, 2019));
        Assert.Equal(14, ranking.Count);
        var codes = await App.QueryAsync(db => db.Units.Where(u => ranking.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code));
        Assert.Equal(["BTCTW", "HVCTQG", "DUKCQTW"], ranking.Take(3).Select(id => codes[id]));
        var cards = await App.QueryAsync(db => db.ScoreCards.Include(c => c.Entries).Where(c => c.SheetId == sheet.Id).ToListAsync());
        Assert.Equal(14, cards.Count);
        Assert.All(cards, c => Assert.Equal(CardState.Checked, c.State));
        Assert.All(cards.SelectMany(c => c.Entries), e => Assert.NotNull(e.FinalPoints));
        Assert.Contains(cards.SelectMany(c => c.Entries), e => e.FinalSource == FinalSource.Override && e.OverrideReason is not null);
        Assert.Contains(cards.SelectMany(c => c.Entries), e => e.FinalSource == FinalSource.Peer);
        Assert.All(cards.SelectMany(c => c.Entries).Where(e => e.SelfPoints > 0 && e.Criterion == null), e => Assert.NotNull(e.Evidence));
        Assert.Equal(14, cards.Select(c => c.ReviewerUnitId).Distinct().Count());
        var draft2020 = await App.QueryAsync(db => db.ScoreSheets.Include(s => s.Groups).SingleAsync(s => s.BlocId == 1 && s.Year == 2020));
        Assert.Equal((SheetState.Draft, 6), (draft2020.State, draft2020.Groups.Count));
        var closedAudit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Khóa bảng tiêu chí chấm điểm"));
        Assert.Equal(("thuongtruc.khoi@thidua.vn", "KHOI-CQD-TW-2019"), (closedAudit.UserName, closedAudit.EntityCode));
    }
}
