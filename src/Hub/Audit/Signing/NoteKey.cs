using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SharingHub.Hub.Audit.Signing;

/// <summary>
/// An Ed25519 signed-note key (C2SP signed-note): key id = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4],
/// signature line <c>— &lt;name&gt; base64(key id ‖ signature)</c>, verifier key
/// <c>&lt;name&gt;+&lt;hex key id&gt;+base64(0x01 ‖ public key)</c>. Holds the private seed; never printed.
/// </summary>
public sealed class NoteKey : IDisposable
{
    public const byte AlgorithmEd25519 = 0x01;

    private readonly Ed25519PrivateKeyParameters _private;
    private readonly byte[] _seed;

    public NoteKey(string name, ReadOnlySpan<byte> seed)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException("A note key name is non-empty and has no space, '+' or newline.", nameof(name));
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(seed.Length, Ed25519PrivateKeyParameters.KeySize, nameof(seed));
        Name = name;
        _seed = seed.ToArray();
        _private = new Ed25519PrivateKeyParameters(_seed, 0);
        PublicKey = _private.GeneratePublicKey().GetEncoded();
        KeyId = ComputeKeyId(name, AlgorithmEd25519, PublicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public byte[] KeyId { get; }

    /// <summary>The C2SP vkey: <c>name+hexkeyid+base64(0x01 ‖ pubkey)</c>.</summary>
    public string VerifierKey => $"{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([AlgorithmEd25519, .. PublicKey])}";

    public static NoteKey Generate(string name)
    {
        Span<byte> seed = stackalloc byte[Ed25519PrivateKeyParameters.KeySize];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return new NoteKey(name, seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => c is ' ' or '+' or '\n' or '\r' or '\t' || char.IsControl(c));

    public static byte[] ComputeKeyId(string name, byte algorithm, ReadOnlySpan<byte> publicKey)
    {
        var input = new List<byte>(Encoding.UTF8.GetBytes(name)) { 0x0A, algorithm };
        input.AddRange(publicKey.ToArray());
        return SHA256.HashData(input.ToArray())[..4];
    }

    /// <summary>Copies the private seed (for protected storage); the caller clears it.</summary>
    public byte[] ExportSeed() => (byte[])_seed.Clone();

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Signs a note body (ending in a newline) and returns the full signed note.</summary>
    public string SignNote(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.EndsWith('\n'))
        {
            throw new ArgumentException("A note body ends with a newline.", nameof(body));
        }

        var signature = Sign(Encoding.UTF8.GetBytes(body));
        return body + "\n\u2014 " + Name + " " + Convert.ToBase64String([.. KeyId, .. signature]) + "\n";
    }

    public override string ToString() => $"NoteKey({Name})";

    public void Dispose() => CryptographicOperations.ZeroMemory(_seed);
}
