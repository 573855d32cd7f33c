namespace SharingHub.Hub.Subjects;

/// <summary>
/// What this process changed in a convenant's subjects since a given moment, so that ingress can resolve subjects and seal
/// before it takes the convenant's write gate (<see cref="Storage.ConvenantWriteGate"/>) and, inside it, check that nothing
/// it read has changed since. Ingress begins a <see cref="Reading"/> before its first read; every writer records what it
/// committed: ingress the match-key pseudonyms it added, the subjects that gained keys or partner references and the vault
/// ids that got a data key; retention and key rotation record that anything may have changed. Inside the gate,
/// <see cref="Reading.Unchanged"/> is true only when no write recorded since the reading began touches the pseudonyms,
/// subjects or vault ids the batch read; otherwise the batch resolves and seals again under the gate, as if it had waited.
/// Writes are recorded under the gate, after their commit, before the gate is released; a write committed between the start
/// of a reading and its first query is seen twice (in the read and in the log), which can only cause a needless redo.
/// Entries are kept while a reading that began before them is still open. Holds no identifier: pseudonyms, ids and vault ids.
/// Hubs sharing one PostgreSQL database do not share this log, as they do not share the gate (see docs/SECURITY.md).
/// </summary>
public sealed class SubjectWriteLog
{
    private readonly Dictionary<string, ConvenantLog> _logs = new(StringComparer.Ordinal);

    private ConvenantLog For(string convenant)
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue(convenant, out var log))
            {
                _logs[convenant] = log = new ConvenantLog();
            }

            return log;
        }
    }

    /// <summary>Begins a reading of <paramref name="convenant"/>'s subjects: call before the first query; dispose when done.</summary>
    internal Reading Begin(string convenant) => For(convenant).Begin();

    /// <summary>Records a committed ingress write (call under the gate, after the commit, before releasing it).</summary>
    internal void Record(string convenant, IEnumerable<string> pseudonyms, IEnumerable<Guid> subjects, IEnumerable<string> vaultIds) =>
        For(convenant).Add(new Entry(
            new HashSet<string>(pseudonyms, StringComparer.Ordinal), [.. subjects], new HashSet<string>(vaultIds, StringComparer.Ordinal)));

    /// <summary>Records a write that may have changed anything of <paramref name="convenant"/>'s subjects (retention, key rotation).</summary>
    internal void RecordAnything(string convenant) => For(convenant).Add(new Entry(null, null, null));

    /// <summary>Entries held for <paramref name="convenant"/> (tests: they are dropped once no open reading needs them).</summary>
    internal int HeldEntries(string convenant) => For(convenant).Held;

    /// <summary>One write. Null sets: anything may have changed.</summary>
    internal sealed record Entry(HashSet<string>? Pseudonyms, HashSet<Guid>? Subjects, HashSet<string>? VaultIds)
    {
        public long Version { get; set; }

        public bool Touches(IReadOnlyCollection<string> pseudonyms, IReadOnlyCollection<Guid> subjects, IReadOnlyCollection<string> vaultIds) =>
            Pseudonyms is null || Subjects is null || VaultIds is null
            || Any(pseudonyms, Pseudonyms) || Any(subjects, Subjects) || Any(vaultIds, VaultIds);

        private static bool Any<T>(IReadOnlyCollection<T> read, HashSet<T> written)
        {
            if (written.Count == 0)
            {
                return false;
            }

            foreach (var item in read)
            {
                if (written.Contains(item))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal sealed class ConvenantLog
    {
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<long, int> _open = []; // version at which open readings began -> how many
        private long _version;

        public int Held
        {
            get
            {
                lock (_entries)
                {
                    return _entries.Count;
                }
            }
        }

        public Reading Begin()
        {
            lock (_entries)
            {
                _open[_version] = _open.GetValueOrDefault(_version) + 1;
                return new Reading(this, _version);
            }
        }

        public void Add(Entry entry)
        {
            lock (_entries)
            {
                entry.Version = ++_version;
                if (_open.Count > 0)
                {
                    _entries.Add(entry);
                }
            }
        }

        public bool Unchanged(long since, IReadOnlyCollection<string> pseudonyms, IReadOnlyCollection<Guid> subjects, IReadOnlyCollection<string> vaultIds)
        {
            lock (_entries)
            {
                foreach (var entry in _entries)
                {
                    if (entry.Version > since && entry.Touches(pseudonyms, subjects, vaultIds))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public void End(long since)
        {
            lock (_entries)
            {
                if (_open[since] == 1)
                {
                    _open.Remove(since);
                }
                else
                {
                    _open[since]--;
                }

                // Keep only the entries that an open reading began before.
                var oldest = _open.Count == 0 ? long.MaxValue : _open.Keys.Min();
                _entries.RemoveAll(e => e.Version <= oldest);
            }
        }
    }

    /// <summary>An open reading of one convenant's subjects, begun at a version of its log.</summary>
    internal sealed class Reading : IDisposable
    {
        private readonly ConvenantLog _log;
        private readonly long _since;
        private bool _disposed;

        internal Reading(ConvenantLog log, long since)
        {
            _log = log;
            _since = since;
        }

        /// <summary>
        /// True when no write recorded since this reading began added any of <paramref name="pseudonyms"/> as a match key,
        /// gave any of <paramref name="subjects"/> a key or reference, or created a data key for any of <paramref name="vaultIds"/>,
        /// and no write that may have changed anything was recorded. Call under the gate.
        /// </summary>
        public bool Unchanged(IReadOnlyCollection<string> pseudonyms, IReadOnlyCollection<Guid> subjects, IReadOnlyCollection<string> vaultIds) =>
            _log.Unchanged(_since, pseudonyms, subjects, vaultIds);

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _log.End(_since);
            }
        }
    }
}
