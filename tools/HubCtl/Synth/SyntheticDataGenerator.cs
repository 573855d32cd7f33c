using System.Globalization;
using Bogus;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Synth;

/// <summary>One partner record: the person it describes, the partner's exact copy (with its gaps) and what it really holds.</summary>
internal sealed record SynthRecord(int Partner, SynthPerson Person, PersonRecord Exact, PersonRecord Varied);

/// <summary>Counts of one run (no identifiers).</summary>
internal sealed record SynthSummary(int Persons, IReadOnlyList<int> RecordsPerPartner, int PersonsInSeveralPartners)
{
    public int TotalRecords => RecordsPerPartner.Sum();
}

/// <summary>
/// Generates partner files from a synthetic population. Deterministic for a seed: every random choice comes
/// from Bogus <see cref="Randomizer"/>s seeded from it (population, membership, and one per partner), consumed in
/// a fixed order. Streams: persons are not kept; each partner file is shuffled in windows of
/// <see cref="ShuffleWindow"/> records so that file order does not follow households.
/// </summary>
internal sealed class SyntheticDataGenerator
{
    public const int ShuffleWindow = 32_768;

    private readonly SynthOptions _options;
    private readonly ContactFactory _contacts = new();
    private readonly PopulationGenerator _population;
    private readonly Randomizer _membership;
    private readonly Partner[] _partners;
    private readonly RecordVariator _variator;
    private readonly double[] _weights;
    private readonly int[] _chosen;

    public SyntheticDataGenerator(SynthOptions options)
    {
        _options = options;
        _population = new PopulationGenerator(options.Seed, _contacts);
        _membership = new Randomizer(RecordIdPermutation.DeriveSeed(options.Seed, 1));
        _variator = new RecordVariator(options.TypoRate, _population.Addresses, _contacts);
        var width = Math.Max(6, options.Persons.ToString(CultureInfo.InvariantCulture).Length);
        _partners = Enumerable.Range(1, options.Partners).Select(n => new Partner(
            n,
            PartnerProfile.ForPartner(n),
            new Faker("nl") { Random = new Randomizer(RecordIdPermutation.DeriveSeed(options.Seed, 100 + n)) },
            new RecordIdPermutation((ulong)options.Persons, (ulong)RecordIdPermutation.DeriveSeed(options.Seed, 1000 + n)),
            "D" + width.ToString(CultureInfo.InvariantCulture))).ToArray();
        _weights = new double[options.Partners];
        _chosen = new int[options.Partners];
    }

    /// <summary>All records in generation order (households together), before any shuffling.</summary>
    public IEnumerable<SynthRecord> Records(Action<int>? progress = null)
    {
        var persons = 0;
        foreach (var household in _population.Generate(_options.Persons))
        {
            foreach (var person in household.Members)
            {
                var count = ChoosePartners(person);
                for (var i = 0; i < count; i++)
                {
                    var partner = _partners[_chosen[i]];
                    var id = $"p{partner.Number}-{partner.Ids.Map((ulong)partner.Count).ToString(partner.IdFormat, CultureInfo.InvariantCulture)}";
                    partner.Count++;
                    var exact = Exact(person, partner, id);
                    yield return new SynthRecord(partner.Number, person, exact, _variator.Apply(exact, person, partner.Faker, partner.Profile.Habits));
                }

                persons++;
                if (persons % 1000 == 0)
                {
                    progress?.Invoke(persons);
                }
            }
        }

        progress?.Invoke(persons);
    }

    /// <summary>Writes partner_1.csv … partner_P.csv and truth.csv through <paramref name="create"/> (a file name → writer).</summary>
    public SynthSummary Write(Func<string, TextWriter> create, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        var writers = _partners.Select(p => create($"partner_{p.Number}.csv")).ToArray();
        var truth = create("truth.csv");
        foreach (var writer in writers)
        {
            PersonRecordCsv.WriteHeader(writer);
        }

        TruthCsv.WriteHeader(truth);
        var windows = _partners.Select(_ => new Window()).ToArray();
        try
        {
            return WriteRecords(windows, writers, truth, progress);
        }
        finally
        {
            foreach (var window in windows)
            {
                window.Dispose();
            }
        }
    }

    private SynthSummary WriteRecords(Window[] windows, TextWriter[] writers, TextWriter truth, Action<int>? progress)
    {
        var inSeveral = 0;
        SynthPerson? last = null;
        var lastCount = 0;
        foreach (var record in Records(progress))
        {
            if (!ReferenceEquals(record.Person, last))
            {
                inSeveral += lastCount > 1 ? 1 : 0;
                last = record.Person;
                lastCount = 0;
            }

            lastCount++;
            var index = record.Partner - 1;
            var window = windows[index];
            window.Add(record);
            if (window.Count == ShuffleWindow)
            {
                window.Flush(_partners[index].Faker.Random, writers[index], truth);
            }
        }

        inSeveral += lastCount > 1 ? 1 : 0;
        for (var i = 0; i < _partners.Length; i++)
        {
            windows[i].Flush(_partners[i].Faker.Random, writers[i], truth);
        }

        return new SynthSummary(_options.Persons, _partners.Select(p => p.Count).ToArray(), inSeveral);
    }

    /// <summary>
    /// Picks the partners that know <paramref name="person"/>: with probability --overlap two or more (each extra
    /// partner with probability 0.35), otherwise one; drawn without replacement, weighted by each partner's
    /// interest in the person's age (schools know children, the tax office adults).
    /// </summary>
    private int ChoosePartners(SynthPerson person)
    {
        var partners = _partners.Length;
        var count = 1;
        if (partners > 1 && _membership.Chance(_options.Overlap))
        {
            count = 2;
            while (count < partners && _membership.Chance(0.35))
            {
                count++;
            }
        }

        var age = person.AgeAt(PopulationGenerator.ReferenceDate);
        for (var p = 0; p < partners; p++)
        {
            _weights[p] = _partners[p].Profile.AgeAffinity(age);
        }

        for (var k = 0; k < count; k++)
        {
            var total = 0.0;
            for (var p = 0; p < partners; p++)
            {
                total += _weights[p];
            }

            var target = _membership.Double() * total;
            var pick = -1;
            for (var p = 0; p < partners; p++)
            {
                if (_weights[p] <= 0)
                {
                    continue;
                }

                pick = p;
                target -= _weights[p];
                if (target < 0)
                {
                    break;
                }
            }

            _chosen[k] = pick;
            _weights[pick] = 0;
        }

        return count;
    }

    private static PersonRecord Exact(SynthPerson person, Partner partner, string recordId)
    {
        var random = partner.Faker.Random;
        var profile = partner.Profile;
        var address = random.Chance(profile.Address) ? person.Address : null;
        return new PersonRecord
        {
            RecordId = recordId,
            Bsn = random.Chance(profile.Bsn) ? person.Bsn : string.Empty,
            GivenNames = person.GivenNamesText,
            SurnamePrefix = person.SurnamePrefix,
            Surname = person.Surname,
            DateOfBirth = random.Chance(profile.DateOfBirth) ? person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty,
            Gender = random.Chance(profile.Gender) ? person.Gender : string.Empty,
            Street = address?.Street ?? string.Empty,
            HouseNumber = address?.HouseNumber ?? string.Empty,
            HouseNumberSuffix = address?.HouseNumberSuffix ?? string.Empty,
            Postcode = address?.Postcode ?? string.Empty,
            City = address?.City ?? string.Empty,
            Phone = random.Chance(profile.Phone) ? person.Phone : string.Empty,
            Email = random.Chance(profile.Email) ? person.Email : string.Empty,
        };
    }

    /// <summary>Serialised rows of one partner awaiting their shuffled write.</summary>
    private sealed class Window : IDisposable
    {
        private readonly CharBufferWriter _rows = new();
        private readonly CharBufferWriter _truth = new();
        private readonly List<(int Row, int RowLength, int Truth, int TruthLength)> _offsets = new(ShuffleWindow);

        public int Count => _offsets.Count;

        public void Add(SynthRecord record)
        {
            var row = _rows.Length;
            var truth = _truth.Length;
            PersonRecordCsv.WriteRecord(_rows, record.Varied);
            TruthCsv.WriteRecord(_truth, new TruthRecord(record.Varied.RecordId, record.Person.EntityId));
            _offsets.Add((row, _rows.Length - row, truth, _truth.Length - truth));
        }

        public void Flush(Randomizer random, TextWriter writer, TextWriter truth)
        {
            for (var i = _offsets.Count - 1; i > 0; i--)
            {
                var j = random.Number(0, i);
                (_offsets[i], _offsets[j]) = (_offsets[j], _offsets[i]);
            }

            foreach (var (row, rowLength, truthStart, truthLength) in _offsets)
            {
                writer.Write(_rows.Slice(row, rowLength));
                truth.Write(_truth.Slice(truthStart, truthLength));
            }

            _offsets.Clear();
            _rows.Clear();
            _truth.Clear();
        }

        public void Dispose()
        {
            _rows.Dispose();
            _truth.Dispose();
        }
    }

    private sealed class Partner(int number, PartnerProfile profile, Faker faker, RecordIdPermutation ids, string idFormat)
    {
        public int Number { get; } = number;

        public PartnerProfile Profile { get; } = profile;

        public Faker Faker { get; } = faker;

        public RecordIdPermutation Ids { get; } = ids;

        public string IdFormat { get; } = idFormat;

        public int Count { get; set; }
    }
}
