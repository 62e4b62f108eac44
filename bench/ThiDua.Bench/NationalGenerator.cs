using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Features.Units;

namespace ThiDua.Bench;

/// <summary>
/// Fills an empty, migrated database (either provider) with a national registry: 60 agencies of very different
/// sizes, one of exactly 20.000 people (<see cref="TargetAgencyCode"/>), about 2.800 units, and people with ten
/// years of history each (2016–2025): one rating a year, the titles that follow from it (LĐTT most years,
/// CSTĐCS, CSTĐ cấp bộ after a run), initiatives, some Bằng khen and Giấy khen with stated periods, discipline
/// for one in sixty, and a tenth of the staff moved between units. Names are drawn like the demo's.
/// </summary>
/// <remarks>
/// Laid out as a registry fills up: each agency's people are imported together (consecutive ids), the agency of
/// 20.000 in the middle of the order, then the history is recorded year by year for everyone, so one person's ten
/// ratings and titles lie in ten different places of their tables, as yearly reviews put them. Streaming: one
/// agency (or one agency-year) at a time is built in memory and written with <see cref="BulkInsert"/> (binary COPY
/// on PostgreSQL, one prepared statement on SQLite); per person only a small state (quality, discipline, runs) is
/// kept between years. The loaded tables' secondary indexes and foreign keys are dropped first and made again from
/// their own catalog definitions at the end, as pg_restore does.
/// </remarks>
public static class NationalGenerator
{
    /// <summary>Bump when the generated data changes: cached databases are keyed by it and the newest migration.</summary>
    public const string Version = "g2";
    public const string TargetAgencyCode = "BTC";
    public const int TargetAgencySize = 20_000;
    public const int FirstYear = 2016, LastYear = 2025;

    // 60 central agencies (bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, tổng cục, …): names only; sizes, trees
    // and people are generated. The first is the agency of exactly 20.000 people.
    internal static readonly (string Code, string Name, string Short)[] Agencies =
    [
        ("BTC", "Bộ Tài chính", "BTC"), ("BNV", "Bộ Nội vụ", "BNV"), ("BTP", "Bộ Tư pháp", "BTP"),
        ("BKHDT", "Bộ Kế hoạch và Đầu tư", "BKHĐT"), ("BCT", "Bộ Công Thương", "BCT"),
        ("BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", "BNN&PTNT"), ("BGTVT", "Bộ Giao thông vận tải", "BGTVT"),
        ("BXD", "Bộ Xây dựng", "BXD"), ("BTNMT", "Bộ Tài nguyên và Môi trường", "BTNMT"),
        ("BTTTT", "Bộ Thông tin và Truyền thông", "BTTTT"), ("BLDTBXH", "Bộ Lao động – Thương binh và Xã hội", "BLĐTBXH"),
        ("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"), ("BKHCN", "Bộ Khoa học và Công nghệ", "BKHCN"),
        ("BGDDT", "Bộ Giáo dục và Đào tạo", "BGDĐT"), ("BYT", "Bộ Y tế", "BYT"), ("BNG", "Bộ Ngoại giao", "BNG"),
        ("UBDT", "Ủy ban Dân tộc", "UBDT"), ("NHNN", "Ngân hàng Nhà nước Việt Nam", "NHNN"),
        ("TTCP", "Thanh tra Chính phủ", "TTCP"), ("VPCP", "Văn phòng Chính phủ", "VPCP"),
        ("BHXH", "Bảo hiểm xã hội Việt Nam", "BHXH VN"), ("TTXVN", "Thông tấn xã Việt Nam", "TTXVN"),
        ("DTHVN", "Đài Truyền hình Việt Nam", "VTV"), ("DTNVN", "Đài Tiếng nói Việt Nam", "VOV"),
        ("VHLKHXH", "Viện Hàn lâm Khoa học xã hội Việt Nam", "VHL KHXH"), ("VHLKHCN", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "VHL KHCN"),
        ("HVCTQG", "Học viện Chính trị quốc gia Hồ Chí Minh", "HV CTQG"), ("KTNN", "Kiểm toán Nhà nước", "KTNN"),
        ("TANDTC", "Tòa án nhân dân tối cao", "TANDTC"), ("VKSNDTC", "Viện kiểm sát nhân dân tối cao", "VKSNDTC"),
        ("VPQH", "Văn phòng Quốc hội", "VPQH"), ("VPCTN", "Văn phòng Chủ tịch nước", "VPCTN"),
        ("TCT", "Tổng cục Thuế", "TCT"), ("TCHQ", "Tổng cục Hải quan", "TCHQ"), ("KBNN", "Kho bạc Nhà nước", "KBNN"),
        ("TCTK", "Tổng cục Thống kê", "TCTK"), ("TCDTNN", "Tổng cục Dự trữ Nhà nước", "TCDTNN"),
        ("UBCKNN", "Ủy ban Chứng khoán Nhà nước", "UBCKNN"), ("TCTL", "Tổng cục Thủy lợi", "TCTL"),
        ("TCLN", "Tổng cục Lâm nghiệp", "TCLN"), ("TCDBVN", "Tổng cục Đường bộ Việt Nam", "TCĐBVN"),
        ("CHHVN", "Cục Hàng hải Việt Nam", "CHHVN"), ("CHKVN", "Cục Hàng không Việt Nam", "CHKVN"),
        ("TCKTTV", "Tổng cục Khí tượng Thủy văn", "TCKTTV"), ("TCDL", "Tổng cục Du lịch", "TCDL"),
        ("TCTDTT", "Tổng cục Thể dục thể thao", "TCTDTT"), ("TCTDC", "Tổng cục Tiêu chuẩn Đo lường Chất lượng", "TCTĐC"),
        ("TCGDNN", "Tổng cục Giáo dục nghề nghiệp", "TCGDNN"), ("TCDS", "Tổng cục Dân số", "TCDS"),
        ("TCQLTT", "Tổng cục Quản lý thị trường", "TCQLTT"), ("TCTHADS", "Tổng cục Thi hành án dân sự", "TCTHADS"),
        ("BQLLCT", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "BQL Lăng"), ("DHQGHN", "Đại học Quốc gia Hà Nội", "ĐHQGHN"),
        ("DHQGHCM", "Đại học Quốc gia Thành phố Hồ Chí Minh", "ĐHQG-HCM"), ("HVHCQG", "Học viện Hành chính Quốc gia", "HVHCQG"),
        ("UBQLV", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "UBQLV"), ("BCY", "Ban Cơ yếu Chính phủ", "BCY"),
        ("TCDCKS", "Tổng cục Địa chất và Khoáng sản Việt Nam", "TCĐCKS"), ("TCBHD", "Tổng cục Biển và Hải đảo Việt Nam", "TCBHĐVN"),
        ("TCNL", "Tổng cục Năng lượng", "TCNL"),
    ];

    private static readonly string[] DepartmentNames =
    [
        "Văn phòng", "Vụ Tổ chức cán bộ", "Vụ Kế hoạch – Tài chính", "Vụ Pháp chế", "Vụ Hợp tác quốc tế", "Vụ Thi đua – Khen thưởng",
        "Thanh tra", "Vụ Tổng hợp", "Vụ Khoa học và Công nghệ", "Trung tâm Thông tin", "Vụ Chính sách", "Vụ Kiểm tra",
        "Trung tâm Lưu trữ", "Vụ Đào tạo", "Cục Quản lý giá", "Cục Kế hoạch", "Vụ Địa phương", "Vụ Nghiên cứu", "Vụ Thống kê",
        "Cục Công nghệ thông tin", "Trung tâm Bồi dưỡng cán bộ", "Vụ Dự toán", "Vụ Đầu tư", "Vụ Giám sát", "Vụ Truyền thông",
    ];

    private static readonly string[] SubUnitNames = ["Phòng Hành chính", "Phòng Tổng hợp", "Phòng Nghiệp vụ", "Phòng Quản trị", "Phòng Kiểm tra", "Phòng Chính sách"];

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    // The demo's name lists (DemoData/DemoSeeder.cs keeps them private), with its weights of family names.
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 35), ("Huỳnh", 15), ("Phan", 45),
        ("Vũ", 30), ("Võ", 10), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 8), ("Đoàn", 6), ("Lương", 5), ("Trịnh", 6), ("Mai", 4), ("Tạ", 3), ("Đào", 5),
        ("Quách", 2), ("Lò", 1), ("Điểu", 1),
    ];
    private static readonly string[] MaleMiddle = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Tiến", "Ngọc", "Công", "Mạnh", "Đình", "Trọng", ""];
    private static readonly string[] FemaleMiddle = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Thị Thu", "Hồng", "Kim", "Thùy", "Bích", "Diệu", ""];
    private static readonly string[] MaleGiven = ["Anh", "Bình", "Cường", "Dũng", "Đức", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Long", "Minh", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Lộc", "Kiên", "Tú", "Hưng", "Thành", "Toàn", "Ước", "Ẩn"];
    private static readonly string[] FemaleGiven = ["Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Uyên", "Yến", "Ánh", "Ngân", "Thủy", "Vân", "Ly", "Đào", "Ơn"];
    private static readonly string[] Positions = ["Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Chuyên viên cao cấp", "Phó Trưởng phòng", "Trưởng phòng", "Phó Vụ trưởng", "Vụ trưởng", "Nhân viên"];
    private static readonly string[] InitiativeTopics = ["thẩm định hồ sơ", "quản lý văn bản", "lưu trữ điện tử", "tổng hợp báo cáo", "tiếp nhận đơn thư", "bồi dưỡng cán bộ", "theo dõi thi đua"];

    /// <summary>The agencies' staff: one of exactly <see cref="TargetAgencySize"/> (or a third of a small run), the rest log-normally spread.</summary>
    public static int[] Sizes(int people, int seed)
    {
        var rng = new Random(seed);
        var sizes = new int[Agencies.Length];
        sizes[0] = Math.Min(TargetAgencySize, people / 3);
        var weights = Enumerable.Range(1, Agencies.Length - 1).Select(_ => Math.Exp(Gaussian(rng) * 0.9)).ToArray();
        var rest = people - sizes[0];
        var sum = weights.Sum();
        for (var i = 1; i < sizes.Length; i++) sizes[i] = Math.Max(1, (int)(rest * weights[i - 1] / sum));
        // Rounding: the largest other agency takes the difference.
        var largest = Enumerable.Range(1, sizes.Length - 1).MaxBy(i => sizes[i]);
        sizes[largest] += people - sizes.Sum();
        return sizes;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private sealed class Timings
    {
        private readonly Dictionary<string, (TimeSpan Time, long Rows)> _byStep = [];
        public List<string> Order { get; } = [];

        public async Task TimeAsync(string step, long rows, Func<Task> work)
        {
            var sw = Stopwatch.StartNew();
            await work();
            Add(step, rows, sw.Elapsed);
        }

        public void Add(string step, long rows, TimeSpan time)
        {
            if (!_byStep.TryGetValue(step, out var t)) Order.Add(step);
            _byStep[step] = (t.Time + time, t.Rows + rows);
        }

        public (TimeSpan Time, long Rows) this[string step] => _byStep[step];
    }

    public static async Task<int> GenerateAsync(DatabaseLocation location, int people, int seed)
    {
        var total = Stopwatch.StartNew();
        var t = new Timings();
        await using var db = location.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One connection for the whole run: the SQLite pragmas below are per connection.
        await db.Database.OpenConnectionAsync();
        await t.TimeAsync("migrate", 0, () => db.Database.MigrateAsync());
        if (await db.Units.AnyAsync() || await db.People.AnyAsync())
        {
            await Console.Error.WriteLineAsync("the database is not empty: the generator fills an empty, migrated database");
            return 2;
        }
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // A throw-away file being filled: no rollback journal, no fsync; switched to WAL (the app's mode) at the end.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-524288; PRAGMA temp_store=MEMORY;");
        }

        // Bulk loading as pg_restore does it: the history tables' secondary indexes and foreign keys are dropped
        // first and made again, from their own definitions in the catalog, once the rows are in.
        var deferred = new List<(string Drop, string Create)>();
        await t.TimeAsync("(drop indexes and foreign keys)", 0, async () => deferred = await DeferIndexesAsync(db, sqlite));

        var sizes = Sizes(people, seed);
        var rng = new Random(seed);
        var counts = new Dictionary<string, long>();
        void Count(string table, long n) => counts[table] = counts.GetValueOrDefault(table) + n;
        var inMemory = new Stopwatch();
        var lastPersonId = 0;

        // Agencies join the registry one after another (their people get consecutive ids), in an order that puts the
        // agency of 20.000 people in the middle rather than first; then the history is recorded year after year for
        // everyone, as yearly reviews are, so one person's ratings and titles lie in ten different parts of the tables.
        var order = Enumerable.Range(0, Agencies.Length).Select(i => (i + Agencies.Length / 2) % Agencies.Length).ToArray();
        var staffIds = new int[Agencies.Length][];
        var states = new PersonState[Agencies.Length][];
        foreach (var a in order)
        {
            var (code, name, shortName) = Agencies[a];
            await using var tx = await db.Database.BeginTransactionAsync();
            // Units: the agency, its departments (each with sub-units), and two collectives.
            var sw = Stopwatch.StartNew();
            var agency = NewUnit(name, shortName, code, UnitKind.Agency, null);
            db.Units.Add(agency);
            await db.SaveChangesAsync();
            var departments = 6 + sizes[a] / 3000;
            var depts = new List<Unit>();
            for (var d = 1; d <= departments; d++)
            {
                var deptName = d <= DepartmentNames.Length ? DepartmentNames[d - 1] : $"Chi cục khu vực {Roman[(d - DepartmentNames.Length - 1) % Roman.Length]}{((d - DepartmentNames.Length - 1) / Roman.Length is var k and > 0 ? $"-{k + 1}" : "")}";
                var kind = deptName.StartsWith("Văn phòng", StringComparison.Ordinal) || deptName.StartsWith("Trung tâm", StringComparison.Ordinal) ? UnitKind.Office : UnitKind.Department;
                var dept = NewUnit(deptName, null, $"{code}-D{d:00}", kind, agency.Id);
                db.Units.Add(dept);
                depts.Add(dept);
            }
            db.Units.Add(NewUnit($"Đoàn Thanh niên cơ quan {name}", $"Đoàn TN {shortName}", $"{code}-DTN", UnitKind.Collective, agency.Id));
            db.Units.Add(NewUnit($"Công đoàn cơ quan {name}", $"Công đoàn {shortName}", $"{code}-CD", UnitKind.Collective, agency.Id));
            await db.SaveChangesAsync();
            var subUnits = new List<Unit>();
            foreach (var dept in depts)
            {
                var n = 2 + rng.Next(3);
                for (var s = 1; s <= n; s++)
                {
                    var sub = NewUnit(SubUnitNames[(s - 1) % SubUnitNames.Length], null, $"{dept.Code}-P{s}", UnitKind.SubUnit, dept.Id);
                    db.Units.Add(sub);
                    subUnits.Add(sub);
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var unitCount = 3 + depts.Count + subUnits.Count;
            t.Add("Units", unitCount, sw.Elapsed);
            Count("Units", unitCount);

            // Each department's and collective's own yearly result (xếp loại tập thể), and the agency's.
            var yearRecords = new List<UnitYearRecord>();
            foreach (var id in depts.Select(d => d.Id).Append(agency.Id))
            {
                for (var y = FirstYear; y <= LastYear; y++)
                    yearRecords.Add(new UnitYearRecord { UnitId = id, Year = y, Rating = rng.Next(3) == 0 ? Rating.HTXSNV : Rating.HTTNV, United = rng.Next(30) != 0 });
            }
            await t.TimeAsync("UnitYearRecords", yearRecords.Count, () => BulkInsert.InsertAsync(db, yearRecords));
            Count("UnitYearRecords", yearRecords.Count);

            // People: placed in sub-units mostly, some directly in a department or office.
            inMemory.Start();
            var workUnits = subUnits.Concat(subUnits).Concat(subUnits).Concat(depts).ToList();
            var staff = new List<Person>(sizes[a]);
            var moves = new Dictionary<int, (int Earlier, DateOnly Moved)>();
            var prefix = (a + 1).ToString("000", CultureInfo.InvariantCulture);
            for (var i = 0; i < sizes[a]; i++)
            {
                var p = NewPerson(rng, prefix, i, workUnits);
                staff.Add(p);
                if (rng.Next(10) == 0)
                {
                    // Moved between units: the earlier membership is closed the day before the current one starts.
                    var earlier = workUnits[rng.Next(workUnits.Count)].Id;
                    if (earlier != p.CurrentUnitId) moves[i] = (earlier, new DateOnly(rng.Next(FirstYear + 1, LastYear + 1), 1 + rng.Next(12), 1));
                }
            }
            inMemory.Stop();
            await t.TimeAsync("People", staff.Count, () => BulkInsert.InsertAsync(db, staff));
            Count("People", staff.Count);
            // BulkInsert does not read generated keys back: this agency's people are the rows after the largest id before them.
            Dictionary<string, int> ids = [];
            await t.TimeAsync("(read back person ids)", 0, async () =>
                ids = await db.People.AsNoTracking().Where(p => p.Id > lastPersonId).Select(p => new { p.Id, p.PersonalCode })
                    .ToDictionaryAsync(p => p.PersonalCode, p => p.Id));
            lastPersonId = ids.Values.Max();

            inMemory.Start();
            var memberships = new List<UnitMembership>(staff.Count + moves.Count);
            staffIds[a] = new int[staff.Count];
            states[a] = new PersonState[staff.Count];
            for (var i = 0; i < staff.Count; i++)
            {
                var p = staff[i];
                var id = staffIds[a][i] = ids[p.PersonalCode];
                if (moves.TryGetValue(i, out var m))
                {
                    memberships.Add(new UnitMembership { PersonId = id, UnitId = m.Earlier, From = p.HiredOn!.Value, To = m.Moved.AddDays(-1), Position = "Chuyên viên" });
                    memberships.Add(new UnitMembership { PersonId = id, UnitId = p.CurrentUnitId!.Value, From = m.Moved, Position = p.Position });
                }
                else memberships.Add(new UnitMembership { PersonId = id, UnitId = p.CurrentUnitId!.Value, From = p.HiredOn!.Value, Position = p.Position });
                states[a][i] = PersonState.Draw(rng);
            }
            inMemory.Stop();
            await t.TimeAsync("UnitMemberships", memberships.Count, () => BulkInsert.InsertAsync(db, memberships));
            Count("UnitMemberships", memberships.Count);
            await t.TimeAsync("(commit)", 0, () => tx.CommitAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-8} {sizes[a],7:N0} people, {unitCount,3} units  ({total.Elapsed.TotalSeconds:F0} s)"));
        }

        for (var y = FirstYear; y <= LastYear; y++)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var a in order)
            {
                inMemory.Start();
                var history = new History();
                var (code, name, _) = Agencies[a];
                for (var i = 0; i < staffIds[a].Length; i++) AddYear(rng, y, staffIds[a][i], ref states[a][i], name, code, history);
                inMemory.Stop();
                await t.TimeAsync("YearRatings", history.Ratings.Count, () => BulkInsert.InsertAsync(db, history.Ratings));
                await t.TimeAsync("Awards", history.Awards.Count, () => BulkInsert.InsertAsync(db, history.Awards));
                await t.TimeAsync("Initiatives", history.Initiatives.Count, () => BulkInsert.InsertAsync(db, history.Initiatives));
                await t.TimeAsync("DisciplineRecords", history.Discipline.Count, () => BulkInsert.InsertAsync(db, history.Discipline));
                Count("YearRatings", history.Ratings.Count);
                Count("Awards", history.Awards.Count);
                Count("Initiatives", history.Initiatives.Count);
                Count("DisciplineRecords", history.Discipline.Count);
            }
            await t.TimeAsync("(commit)", 0, () => tx.CommitAsync());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  year {y}: ratings, titles, awards, initiatives  ({total.Elapsed.TotalSeconds:F0} s)"));
        }
        t.Add("(generating rows in memory)", 0, inMemory.Elapsed);

        await t.TimeAsync("(create indexes and foreign keys)", 0, async () =>
        {
            foreach (var (_, create) in deferred) await db.Database.ExecuteSqlRawAsync(create);
            if (sqlite)
            {
                // Foreign keys were not enforced while loading: check every one now, then enforce them again.
                var broken = await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync();
                if (broken.Count > 0) throw new InvalidOperationException($"foreign keys broken in {string.Join(", ", broken.Distinct())}");
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=ON;");
            }
        });

        // Statistics for the planner (and, on PostgreSQL, the visibility map index-only scans need), as after any bulk load.
        await t.TimeAsync(sqlite ? "ANALYZE" : "VACUUM ANALYZE", 0, async () =>
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA journal_mode=WAL;");
            else await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE);");
        });
        total.Stop();

        long bytes = sqlite
            ? new FileInfo(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource).Length
            : await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
        await db.Database.CloseConnectionAsync();

        Console.WriteLine();
        Console.WriteLine($"generated on {(sqlite ? "SQLite" : "PostgreSQL")} ({Environment.ProcessorCount} cores):");
        Console.WriteLine("| step | rows | seconds | rows/s |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var step in t.Order)
        {
            var (time, rows) = t[step];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {step} | {(rows > 0 ? rows.ToString("N0", CultureInfo.InvariantCulture) : "")} | {time.TotalSeconds:F1} | {(rows > 0 ? (rows / time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "")} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **total** | {counts.Values.Sum():N0} | **{total.Elapsed.TotalSeconds:F1}** | |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database size: {bytes / 1e9:F2} GB ({bytes:N0} bytes)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target agency {TargetAgencyCode}: {sizes[0]:N0} people; agencies {sizes.Min():N0}–{sizes.Max():N0} people"));
        return 0;
    }

    private const string LoadedTables = "'People', 'UnitMemberships', 'YearRatings', 'Awards', 'Initiatives', 'DisciplineRecords', 'UnitYearRecords'";

    /// <summary>
    /// Drops the loaded tables' secondary indexes (and on PostgreSQL their foreign keys; on SQLite foreign keys are
    /// switched off for the connection and checked at the end) and returns the statements that make them again,
    /// exactly as the migrations made them.
    /// </summary>
    private static async Task<List<(string Drop, string Create)>> DeferIndexesAsync(AppDbContext db, bool sqlite)
    {
        var result = new List<(string Drop, string Create)>();
        if (sqlite)
        {
            var indexes = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (" + LoadedTables + ")").ToListAsync();
            foreach (var name in indexes)
            {
                var sql = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = {0}", name).SingleAsync();
                result.Add(($"DROP INDEX \"{name}\"", sql));
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=OFF;");
        }
        else
        {
            var indexes = await db.Database.SqlQueryRaw<string>(
                "SELECT indexname AS \"Value\" FROM pg_indexes i WHERE schemaname = current_schema() AND tablename IN (" + LoadedTables + ") " +
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)").ToListAsync();
            foreach (var name in indexes)
            {
                var sql = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND indexname = {0}", name).SingleAsync();
                result.Add(($"DROP INDEX \"{name}\"", sql));
            }
            var keys = await db.Database.SqlQueryRaw<string>(
                "SELECT conname AS \"Value\" FROM pg_constraint WHERE contype = 'f' AND conrelid IN (SELECT oid FROM pg_class WHERE relname IN (" + LoadedTables + "))").ToListAsync();
            foreach (var name in keys)
            {
                var (table, definition) = (await db.Database.SqlQueryRaw<string>("SELECT conrelid::regclass::text AS \"Value\" FROM pg_constraint WHERE conname = {0}", name).SingleAsync(),
                    await db.Database.SqlQueryRaw<string>("SELECT pg_get_constraintdef(oid) AS \"Value\" FROM pg_constraint WHERE conname = {0}", name).SingleAsync());
                result.Add(($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"", $"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}"));
            }
            // Index builds with more memory and both cores (this session only).
            await db.Database.ExecuteSqlRawAsync("SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2;");
        }
        foreach (var (drop, _) in result) await db.Database.ExecuteSqlRawAsync(drop);
        return result;
    }

    private static Unit NewUnit(string name, string? shortName, string code, UnitKind kind, int? parentId)
    {
        var u = new Unit { Name = name, ShortName = shortName, Code = code, Kind = kind, ParentId = parentId, IsDemo = true, ActiveFrom = new DateOnly(2010, 1, 1) };
        u.Normalize();
        return u;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static readonly int FamilyWeight = FamilyNames.Sum(f => f.Weight);

    private static string PickFamily(Random rng)
    {
        var x = rng.Next(FamilyWeight);
        foreach (var (name, weight) in FamilyNames)
        {
            if ((x -= weight) < 0) return name;
        }
        return FamilyNames[^1].Name;
    }

    /// <summary>A person hired by 2015 (so rated every year 2016–2025), with a CCCD-like code: agency's 3-digit prefix, gender and century, birth year, serial.</summary>
    private static Person NewPerson(Random rng, string prefix, int serial, List<Unit> units)
    {
        var female = rng.Next(100) < 48;
        var birth = new DateOnly(1960 + rng.Next(34), 1 + rng.Next(12), 1 + rng.Next(28));
        var hired = new DateOnly(rng.Next(birth.Year + 22, Math.Max(birth.Year + 23, 2016)), 1 + rng.Next(12), 1 + rng.Next(28));
        var middle = female ? Pick(rng, FemaleMiddle) : Pick(rng, MaleMiddle);
        var p = new Person
        {
            PersonalCode = string.Create(CultureInfo.InvariantCulture, $"{prefix}{(female ? 1 : 0)}{birth.Year % 100:00}{serial:000000}"),
            FamilyName = PickFamily(rng),
            MiddleName = middle.Length == 0 ? null : middle,
            GivenName = female ? Pick(rng, FemaleGiven) : Pick(rng, MaleGiven),
            Gender = female ? Gender.Female : Gender.Male,
            BirthDate = birth,
            Position = Pick(rng, Positions),
            HiredOn = hired,
            PendingReview = rng.Next(400) == 0,
            CurrentUnitId = Pick(rng, units).Id,
        };
        p.Normalize();
        return p;
    }

    private sealed class History
    {
        public readonly List<YearRating> Ratings = [];
        public readonly List<DisciplineRecord> Discipline = [];
        public readonly List<Initiative> Initiatives = [];
        public readonly List<AwardRecord> Awards = [];
    }

    /// <summary>What is drawn once per person and carried from year to year: how good they are, a discipline period, runs.</summary>
    private struct PersonState
    {
        public float Quality;
        public DateOnly DisciplineFrom;
        public bool CanhCao;
        public byte Run, Initiatives;
        public short LastBkBo;

        public static PersonState Draw(Random rng)
        {
            var s = new PersonState { Quality = (float)rng.NextDouble() };
            if (rng.Next(60) == 0)
            {
                s.DisciplineFrom = new DateOnly(rng.Next(FirstYear, LastYear + 1), 1 + rng.Next(12), 1);
                s.CanhCao = rng.Next(4) == 0;
            }
            return s;
        }

        public readonly bool Disciplined => DisciplineFrom != default;
        public readonly DateOnly DisciplineTo => DisciplineFrom.AddYears(1).AddDays(-1);
    }

    /// <summary>One year of one person's history, drawn as the demo draws it (DemoSeeder.AddHistory), with some stated periods.</summary>
    private static void AddYear(Random rng, int y, int personId, ref PersonState st, string agencyName, string agencyCode, History h)
    {
        if (st.Disciplined && st.DisciplineFrom.Year == y)
        {
            h.Discipline.Add(new DisciplineRecord
            {
                PersonId = personId, Level = st.CanhCao ? DisciplineLevel.CanhCao : DisciplineLevel.KhienTrach, From = st.DisciplineFrom, To = st.DisciplineTo,
                DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(10, 400)}/QĐ-{agencyCode}"),
            });
        }
        var x = rng.NextDouble() * 0.7 + st.Quality * 0.3;
        var rating = x > 0.80 ? Rating.HTXSNV : x > 0.12 ? Rating.HTTNV : x > 0.04 ? Rating.HTNV : Rating.KHTNV;
        var touched = st.Disciplined && st.DisciplineFrom.Year <= y && st.DisciplineTo.Year >= y;
        if (touched && rating > Rating.HTNV) rating = Rating.HTNV;
        h.Ratings.Add(new YearRating { PersonId = personId, Year = y, Rating = rating });
        var ldtt = rating >= Rating.HTTNV && !touched;
        Initiative? initiative = null;
        if (ldtt && rng.NextDouble() < 0.08 + st.Quality * 0.12)
        {
            initiative = new Initiative
            {
                PersonId = personId, Year = y, Scope = rng.Next(25) == 0 ? InitiativeScope.Bo : InitiativeScope.CoSo,
                Title = $"Sáng kiến số {++st.Initiatives}: cải tiến quy trình {Pick(rng, InitiativeTopics)}",
            };
            h.Initiatives.Add(initiative);
        }
        if (ldtt) h.Awards.Add(Title(personId, y, "LDTT", agencyName, agencyCode));
        if (ldtt && (initiative is not null || (y >= 2024 && rating == Rating.HTXSNV)) && rng.NextDouble() < 0.55)
        {
            if (initiative is not null && !(y >= 2024 && rating == Rating.HTXSNV)) initiative.UsedFor = "CSTDCS";
            h.Awards.Add(Title(personId, y, "CSTDCS", agencyName, agencyCode));
            st.Run++;
        }
        else st.Run = 0;
        if (st.Run >= 3 && rng.Next(4) == 0) h.Awards.Add(Title(personId, y, "CSTD_BO", agencyName, agencyCode));
        if (rating == Rating.HTXSNV && y > st.LastBkBo + 1 && rng.Next(30) == 0)
        {
            // A Bằng khen decided the year after the period it rewards, stated on a third of the decisions.
            var stated = rng.Next(3) == 0 && y < LastYear;
            var decided = stated ? y + 1 : y;
            st.LastBkBo = (short)decided;
            h.Awards.Add(new AwardRecord
            {
                PersonId = personId, Year = decided, PeriodTo = stated ? y : null, Code = "BK_BO", Status = AwardStatus.Conferred,
                Authority = $"Bộ trưởng, Thủ trưởng {agencyName}", Basis = rng.Next(8) == 0 ? AwardBasis.DotXuat : AwardBasis.Merit,
                DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{100 + decided % 100}/QĐ-{agencyCode}"), DecisionDate = new DateOnly(decided, 1, 15),
            });
            if (decided <= 2020 && rng.Next(5) == 0)
            {
                var ttg = decided + 5;
                h.Awards.Add(new AwardRecord
                {
                    PersonId = personId, Year = ttg, PeriodTo = ttg - 1, Code = "BK_TTG", Status = AwardStatus.Conferred, Authority = "Thủ tướng Chính phủ",
                    DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{300 + ttg % 100}/QĐ-TTg"), DecisionDate = new DateOnly(ttg, 4, 20),
                });
            }
        }
        if (rating >= Rating.HTTNV && rng.Next(40) == 0)
        {
            var basis = rng.Next(12);
            h.Awards.Add(new AwardRecord
            {
                PersonId = personId, Year = y, Code = "GK", Status = AwardStatus.Conferred, Authority = $"Chánh Văn phòng {agencyName}",
                Basis = basis == 0 ? AwardBasis.DotXuat : basis == 1 ? AwardBasis.ChuyenDe : AwardBasis.Merit,
                DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{200 + y % 100}/QĐ-VP"), DecisionDate = new DateOnly(y + 1, 1, 10),
            });
        }
    }

    private static AwardRecord Title(int personId, int year, string code, string agencyName, string agencyCode) =>
        new()
        {
            PersonId = personId, Year = year, Code = code, Status = AwardStatus.Conferred,
            Authority = code == "CSTD_BO" ? $"Bộ trưởng, Thủ trưởng {agencyName}" : $"Thủ trưởng {agencyName}",
            DecisionNumber = string.Create(CultureInfo.InvariantCulture, $"{(code == "LDTT" ? 10 : code == "CSTDCS" ? 11 : 12) + year % 100 * 100}/QĐ-{agencyCode}"),
            DecisionDate = new DateOnly(year + 1, 1, 20),
        };
}
