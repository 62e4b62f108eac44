using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ThiDua.Data;

/// <summary>
/// Inserts many rows inside the current transaction, using the EF model for table names, columns and value
/// conversions: on PostgreSQL by binary COPY, on SQLite with one prepared statement. For seeding large
/// histories, where change tracking would cost more than the inserts themselves. Generated keys are not read back.
/// </summary>
public static class BulkInsert
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd) && p.PropertyInfo is not null)
            .ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var converters = columns.Select(c => c.GetTypeMapping().Converter).ToArray();
        if (connection is Npgsql.NpgsqlConnection pg)
        {
            await CopyAsync(pg, table, columns.Select(c => (c.GetColumnName(store)!, StoreType(c.GetColumnType()), c.PropertyInfo!)).ToArray(), converters, rows, ct);
            return;
        }
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            cmd.Parameters.Add(parameters[i]);
        }
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(row);
                if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
                parameters[i].Value = value ?? DBNull.Value;
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection pg, string table, (string Name, string StoreType, System.Reflection.PropertyInfo Property)[] columns,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters, IReadOnlyCollection<T> rows, CancellationToken ct)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await pg.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].Property.GetValue(row);
                if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, columns[i].StoreType, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>"character varying(50)" → "character varying": COPY names the type, not its length.</summary>
    private static string StoreType(string columnType) => columnType.Split('(')[0];
}
