using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace NumeraiAws.Engine.Setup.Hardening
{
    /// <summary>
    /// IAM's credential report (CSV, one row per user plus "&lt;root_account&gt;"), read by column name so a column
    /// AWS adds later does not shift the others. Besides ISO 8601 timestamps and true/false, cells hold the markers
    /// "N/A" (no such credential), "no_information" (never used, or not tracked then) and "not_supported" (the
    /// root user's password fields): every marker reads as "no date".
    /// </summary>
    public sealed class CredentialReport
    {
        public const string RootUserName = "<root_account>";

        public CredentialReport(IReadOnlyList<CredentialReportEntry> entries, DateTime? generatedTime)
        {
            GeneratedTime = generatedTime;
            Root = entries.FirstOrDefault(e => e.User == RootUserName);
            Users = entries.Where(e => e.User != RootUserName).ToList();
        }

        public DateTime? GeneratedTime { get; }
        /// <summary>The root user's row; null when the report has none (emulators leave it out).</summary>
        public CredentialReportEntry Root { get; }
        /// <summary>Every IAM user's row.</summary>
        public IReadOnlyList<CredentialReportEntry> Users { get; }

        public CredentialReportEntry Find(string userName) => Users.FirstOrDefault(u => u.User == userName);

        /// <summary>Parses the report's CSV (RFC 4180: quoted cells may hold commas, quotes and line breaks).</summary>
        public static CredentialReport Parse(byte[] csv, DateTime? generatedTime = null)
        {
            var rows = CsvRows(Encoding.UTF8.GetString(csv ?? new byte[0]).TrimStart('\uFEFF')).ToList();
            if (rows.Count == 0) return new CredentialReport(new CredentialReportEntry[0], generatedTime);
            var header = rows[0];
            var entries = new List<CredentialReportEntry>();
            foreach (var row in rows.Skip(1))
            {
                if (row.Count == 1 && row[0].Length == 0) continue;
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Count && i < row.Count; i++) cells[header[i]] = row[i];
                entries.Add(new CredentialReportEntry(cells));
            }
            return new CredentialReport(entries, generatedTime);
        }

        private static IEnumerable<List<string>> CsvRows(string text)
        {
            var row = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    row.Add(cell.ToString()); cell.Clear();
                    yield return row;
                    row = new List<string>();
                }
                else cell.Append(c);
            }
            if (cell.Length > 0 || row.Count > 0)
            {
                row.Add(cell.ToString());
                yield return row;
            }
        }
    }

    /// <summary>One row of the credential report.</summary>
    public sealed class CredentialReportEntry
    {
        private readonly IReadOnlyDictionary<string, string> _cells;

        public CredentialReportEntry(IReadOnlyDictionary<string, string> cells)
        {
            _cells = cells;
        }

        public string User => Raw("user");
        public string Arn => Raw("arn");
        public DateTime? UserCreationTime => Date("user_creation_time");
        /// <summary>True when the user has a console password (the root user's is "not_supported": false here).</summary>
        public bool PasswordEnabled => Bool("password_enabled");
        public DateTime? PasswordLastUsed => Date("password_last_used");
        public DateTime? PasswordLastChanged => Date("password_last_changed");
        public bool MfaActive => Bool("mfa_active");
        public bool AccessKey1Active => Bool("access_key_1_active");
        public DateTime? AccessKey1LastRotated => Date("access_key_1_last_rotated");
        public DateTime? AccessKey1LastUsed => Date("access_key_1_last_used_date");
        public bool AccessKey2Active => Bool("access_key_2_active");
        public DateTime? AccessKey2LastRotated => Date("access_key_2_last_rotated");
        public DateTime? AccessKey2LastUsed => Date("access_key_2_last_used_date");

        /// <summary>The cell as written, or null when the report has no such column.</summary>
        public string Raw(string column) => _cells.TryGetValue(column, out var value) ? value : null;

        public bool Bool(string column) => string.Equals(Raw(column), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The cell as a UTC time; null for N/A, no_information, not_supported, empty or anything else.</summary>
        public DateTime? Date(string column)
        {
            var value = Raw(column);
            if (string.IsNullOrEmpty(value) || !char.IsDigit(value[0])) return null;
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : (DateTime?)null;
        }

        public override string ToString() => User;
    }
}
