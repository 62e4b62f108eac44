using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.DemoData;
using ThiDua.Features.Accounts;
using ThiDua.Features.Nominations;

namespace ThiDua.Features.Councils;

/// <summary>
/// The demo year 2019 for the councils, through <see cref="CouncilService"/> (the pages' code) with explicit times:
/// the bloc's council votes on 04/03/2020 on every 2019 Level-Bloc dossier ready for the council (all approved, one
/// absent member in writing); BTCTW's council closes a session with one approved and one refused dossier and leaves
/// one session open where thanhvien.btctw@thidua.vn has a ballot to cast. Sessions without dossiers are skipped.
/// </summary>
public static class CouncilsDemo
{
    public const string BlocCouncilName = "Hội đồng Thi đua – Khen thưởng Khối thi đua các cơ quan Đảng Trung ương";
    public const string BtctwCouncilName = "Hội đồng Thi đua – Khen thưởng Ban Tổ chức Trung ương";

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h - 7, min, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        var svc = new CouncilService(db);
        var users = ctx.Services.GetRequiredService<UserManager<AppUser>>();

        // ---- the bloc's council
        var bdvtw = ctx.Agencies["BDVTW"];
        (string Email, string Name, string Position, CouncilRole Role)[] blocMembers =
        [
            ("uyvien1.khoi@thidua.vn", "Nguyễn Văn Khối (minh họa)", "Trưởng Khối", CouncilRole.Chair),
            ("uyvien2.khoi@thidua.vn", "Trần Thị Phó (minh họa)", "Phó Trưởng Khối", CouncilRole.ViceChair),
            ("uyvien3.khoi@thidua.vn", "Lê Văn Ủy (minh họa)", "Đại diện cơ quan thành viên", CouncilRole.Member),
            ("uyvien4.khoi@thidua.vn", "Phạm Thị Viên (minh họa)", "Đại diện cơ quan thành viên", CouncilRole.Member),
            (ctx.Secretariat, "Thường trực Khối", "Thường trực Khối", CouncilRole.Secretary),
        ];
        foreach (var m in blocMembers) await EnsureAccountAsync(users, m.Email, m.Name, bdvtw, ct);
        var blocCouncil = await svc.CreateCouncilAsync(ctx.Secretariat, null, ctx.BlocId,
            new CouncilInput(BlocCouncilName, "01-QĐ/KTĐ (minh họa)", new DateOnly(2019, 1, 15), "Quyết định thành lập Hội đồng Thi đua – Khen thưởng của Khối (minh họa)",
                2, 3, CouncilRules.QuorumDefaultSource), Utc(2019, 1, 15, 9), ct);
        foreach (var m in blocMembers)
            await svc.AddMemberAsync(ctx.Secretariat, blocCouncil.Id, new MemberInput(m.Email, m.Name, m.Position, m.Role, new DateOnly(2019, 1, 15), null), Utc(2019, 1, 15, 9), ct);
        var blocDossiers = (await svc.EligibleAsync(blocCouncil.Id, ct)).Where(n => n.Year == 2019).Select(n => n.Id).ToList();
        if (blocDossiers.Count > 0)
            await RunAsync(db, svc, ctx.Secretariat, blocCouncil.Id, new DateOnly(2020, 3, 4), "Hà Nội", blocDossiers, absent: "uyvien4.khoi@thidua.vn", refuse: [], ct);

        // ---- BTCTW's council
        var btctw = ctx.Agencies["BTCTW"];
        // The agency's own dossiers are of 2025–2026, filed relative to today by the nominations step: its sessions are too.
        var nowUtc = ((TimeProvider?)ctx.Services.GetService(typeof(TimeProvider)) ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(nowUtc.AddHours(7));
        const string secretary = "hoidong.btctw@thidua.vn";
        (string Email, string Name, string Position, CouncilRole Role)[] btMembers =
        [
            ("chutich.btctw@thidua.vn", "Hoàng Văn Chủ (minh họa)", "Phó Trưởng Ban", CouncilRole.Chair),
            ("phochutich.btctw@thidua.vn", "Vũ Thị Phó (minh họa)", "Chánh Văn phòng Ban", CouncilRole.ViceChair),
            ("uyvien1.btctw@thidua.vn", "Đặng Văn Ủy (minh họa)", "Vụ trưởng", CouncilRole.Member),
            ("thanhvien.btctw@thidua.vn", "Thành viên Hội đồng Ban Tổ chức TW", "Vụ trưởng", CouncilRole.Member),
            (secretary, "Thường trực Hội đồng TĐKT Ban Tổ chức TW", "Phó Chánh Văn phòng", CouncilRole.Secretary),
        ];
        foreach (var m in btMembers) await EnsureAccountAsync(users, m.Email, m.Name, btctw, ct);
        var btCouncil = await svc.CreateCouncilAsync(secretary, btctw, null,
            new CouncilInput(BtctwCouncilName, "15-QĐ/BTCTW (minh họa)", new DateOnly(2019, 1, 10), "Quyết định kiện toàn Hội đồng Thi đua – Khen thưởng Ban Tổ chức Trung ương (minh họa)",
                2, 3, CouncilRules.QuorumDefaultSource), Utc(2019, 1, 10, 9), ct);
        foreach (var m in btMembers)
            await svc.AddMemberAsync(secretary, btCouncil.Id, new MemberInput(m.Email, m.Name, m.Position, m.Role, new DateOnly(2019, 1, 10), null), Utc(2019, 1, 10, 9), ct);
        var btDossiers = (await svc.EligibleAsync(btCouncil.Id, ct)).OrderBy(n => n.Year == 2019 ? 0 : 1).ThenBy(n => n.Id).Select(n => n.Id).ToList();
        if (btDossiers.Count > 0)
        {
            var first = btDossiers.Take(2).ToList();
            await RunAsync(db, svc, secretary, btCouncil.Id, today.AddDays(-3), "Trụ sở Ban Tổ chức Trung ương, Hà Nội", first, absent: null, refuse: first.Skip(1).ToList(), ct);
        }
        var rest = btDossiers.Skip(2).ToList();
        if (rest.Count > 0)
        {
            var s = await svc.CreateSessionAsync(secretary, btCouncil.Id, today, "Trụ sở Ban Tổ chức Trung ương, Hà Nội", today.AddDays(5).ToDateTime(new TimeOnly(17, 0)), nowUtc.AddHours(-3), ct);
            await svc.AddAgendaAsync(secretary, s.Id, s.Version, rest, nowUtc.AddHours(-2.5), ct);
            var v = await db.CouncilSessions.Where(x => x.Id == s.Id).Select(x => x.Version).SingleAsync(ct);
            await svc.OpenAsync(secretary, s.Id, v, nowUtc.AddHours(-2), ct);
            db.ChangeTracker.Clear();
            // Everyone except thanhvien.btctw votes on the first item; they still have their ballot to cast.
            var item = await db.CouncilAgendaItems.Where(i => i.SessionId == s.Id).OrderBy(i => i.Order).Select(i => i.Id).FirstAsync(ct);
            foreach (var m in btMembers.Where(m => m.Email != "thanhvien.btctw@thidua.vn"))
            {
                var uid = await db.Users.Where(u => u.Email == m.Email).Select(u => u.Id).SingleAsync(ct);
                await svc.CastAsync(m.Email, uid, s.Id, item, CouncilChoice.Agree, null, nowUtc.AddHours(-1), ct);
            }
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>A session through its whole life: agenda, attendance, open, everyone votes (the absent in writing), closed by completeness.</summary>
    private static async Task RunAsync(Data.AppDbContext db, CouncilService svc, string secretary, int councilId, DateOnly date, string place, List<int> dossiers, string? absent, List<int> refuse, CancellationToken ct)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        var s = await svc.CreateSessionAsync(secretary, councilId, date, place, day.AddHours(17), Utc(date.Year, date.Month, date.Day, 7), ct);
        await svc.AddAgendaAsync(secretary, s.Id, s.Version, dossiers, Utc(date.Year, date.Month, date.Day, 7, 10), ct);
        var members = await db.CouncilAttendances.Where(a => a.SessionId == s.Id).Select(a => new { a.MemberId, a.Member!.UserId, Email = db.Users.Where(u => u.Id == a.Member.UserId).Select(u => u.Email).First() }).ToListAsync(ct);
        var v = await db.CouncilSessions.Where(x => x.Id == s.Id).Select(x => x.Version).SingleAsync(ct);
        if (absent is not null)
        {
            await svc.SetAttendanceAsync(secretary, s.Id, v, members.Where(m => m.Email != absent).Select(m => m.MemberId).ToList(), Utc(date.Year, date.Month, date.Day, 7, 20), ct);
            v = await db.CouncilSessions.Where(x => x.Id == s.Id).Select(x => x.Version).SingleAsync(ct);
        }
        await svc.OpenAsync(secretary, s.Id, v, Utc(date.Year, date.Month, date.Day, 8, 30), ct);
        db.ChangeTracker.Clear();
        var items = await db.CouncilAgendaItems.Where(i => i.SessionId == s.Id).OrderBy(i => i.Order).Select(i => new { i.Id, i.NominationId }).ToListAsync(ct);
        var at = Utc(date.Year, date.Month, date.Day, 9);
        var j = 0;
        foreach (var m in members.Where(m => m.Email != absent).OrderBy(m => m.MemberId))
        {
            var first = j++ == 0;
            foreach (var i in items)
            {
                // A refused dossier: the first member agrees, the others disagree with a reason (1 of 5 < more than half).
                var no = refuse.Contains(i.NominationId) && !first;
                await svc.CastAsync(m.Email!, m.UserId, s.Id, i.Id, no ? CouncilChoice.Disagree : CouncilChoice.Agree,
                    no ? "Thành tích chưa nổi bật so với tiêu chuẩn (minh họa)." : null, at, ct);
            }
        }
        if (absent is not null)
        {
            var m = members.Single(x => x.Email == absent);
            foreach (var i in items)
                await svc.CastWrittenAsync(secretary, s.Id, i.Id, m.MemberId, CouncilChoice.Agree, null, FormattableString.Invariant($"Phiếu bằng văn bản ngày {date:dd/MM/yyyy} (minh họa)"), at.AddHours(1), ct);
        }
        db.ChangeTracker.Clear();
    }

    private static async Task EnsureAccountAsync(UserManager<AppUser> users, string email, string name, int unitId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var u = await users.FindByEmailAsync(email);
        if (u is null)
        {
            u = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, UnitId = unitId };
            var r = await users.CreateAsync(u, DemoSeeder.Password);
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, Roles.CouncilMember);
        }
    }
}
