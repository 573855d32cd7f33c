using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class VaultSealScopeTests
{
    [Fact]
    public async Task LoadMasterKeysAsync_EmptyStore_CreatesTheMasterKeySoLaterSealsSaveNoMasterKey()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());

        await vault.LoadMasterKeysAsync();
        var saves = store.MasterSaves;
        var payload = await vault.SealAsync("subject-1", VaultTestData.Person());
        using (var scope = vault.BeginSealScope())
        {
            await scope.SealAsync("subject-2", VaultTestData.Person());
        }

        Assert.Equal(1, saves);
        Assert.Single(await store.GetMasterKeysAsync());
        Assert.Equal(saves, store.MasterSaves);
        Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
    }

    [Fact]
    public async Task SealAsync_ExistingSubjectSealedFiveTimes_LooksUpAndUnwrapsOnce()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var old = await vault.SealAsync("subject-1", VaultTestData.Person());
        var gets = store.Gets;

        var payloads = new List<byte[]>();
        using (var scope = vault.BeginSealScope())
        {
            for (var i = 0; i < 5; i++)
            {
                payloads.Add(await scope.SealAsync("subject-1", VaultTestData.Person()));
            }
        }

        Assert.Equal(gets + 1, store.Gets);
        Assert.All(payloads, p => Assert.Equal(old.AsSpan(5, 16).ToArray(), p.AsSpan(5, 16).ToArray()));
        foreach (var payload in payloads)
        {
            Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
        }
    }

    [Fact]
    public async Task SealAsync_NewSubjectSealedThreeTimes_CreatesOneKeyAndNeverLooksItUpAgain()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();

        var payloads = new[]
        {
            await scope.SealAsync("subject-1", VaultTestData.Person()),
            await scope.SealAsync("subject-1", VaultTestData.Person()),
            await scope.SealAsync("subject-1", VaultTestData.Person()),
        };

        Assert.Equal(1, store.Gets);
        Assert.Equal(1, store.Puts);
        Assert.Equal(1, scope.CachedKeyCount);
        var stored = (await store.GetDataKeyAsync("subject-1"))!;
        Assert.All(payloads, p => Assert.Equal(stored.DataKeyId, new Guid(p.AsSpan(5, 16))));
        foreach (var payload in payloads)
        {
            Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
        }
    }

    [Fact]
    public async Task SealAsync_ParallelSealsOfManySubjects_OneKeyPerSubjectAndEveryPayloadOpens()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var existing = Enumerable.Range(0, 50).Select(i => $"old-{i}").ToList();
        foreach (var subject in existing)
        {
            await vault.SealAsync(subject, VaultTestData.Person());
        }

        // Every subject three times (identity, content, group member), interleaved, on many threads.
        var work = existing.Concat(Enumerable.Range(0, 150).Select(i => $"new-{i}")).SelectMany(s => new[] { s, s, s }).Order(StringComparer.Ordinal).ToArray();
        var payloads = new byte[work.Length][];
        using (var scope = vault.BeginSealScope())
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, work.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
                payloads[i] = await scope.SealAsync(work[i], VaultTestData.Person(), token));
            Assert.Equal(200, scope.CachedKeyCount);
        }

        // Two first seals of a new subject at the same moment may both create a key; the store keeps the first, both use it.
        Assert.Equal(200, payloads.Select(p => new Guid(p.AsSpan(5, 16))).Distinct().Count());
        for (var i = 0; i < work.Length; i++)
        {
            Assert.Equal((await store.GetDataKeyAsync(work[i]))!.DataKeyId, new Guid(payloads[i].AsSpan(5, 16)));
            Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync(work[i], payloads[i])).Fields);
        }
    }

    [Fact]
    public async Task ShredAsync_SubjectCachedInScope_EvictsItAndTheNextSealCreatesANewKey()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();
        var before = await scope.SealAsync("subject-1", VaultTestData.Person());
        await scope.SealAsync("subject-2", VaultTestData.Person());

        Assert.True(await vault.ShredAsync("subject-1"));
        Assert.Equal(1, scope.CachedKeyCount);
        var after = await scope.SealAsync("subject-1", VaultTestData.Person());

        Assert.NotEqual(before.AsSpan(5, 16).ToArray(), after.AsSpan(5, 16).ToArray());
        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", before));
        Assert.Equal(VaultErrorCodes.DataKeyMismatch, ex.Code);
        Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", after)).Fields);
    }

    [Fact]
    public async Task SealAsync_ShredWhileTheKeyIsLoading_SealsUnderANewKeyNotTheShreddedOne()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var shreddedKey = new Guid((await vault.SealAsync("subject-1", VaultTestData.Person())).AsSpan(5, 16));
        using var scope = vault.BeginSealScope();
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.AfterRead = () =>
        {
            store.AfterRead = null;
            read.SetResult();
            return release.Task;
        };

        var sealing = scope.SealAsync("subject-1", VaultTestData.Person());
        await read.Task; // the scope holds the wrapped key as it was before the shred
        Assert.True(await vault.ShredAsync("subject-1"));
        release.SetResult();
        var payload = await sealing;

        Assert.NotEqual(shreddedKey, new Guid(payload.AsSpan(5, 16)));
        var current = (await store.GetDataKeyAsync("subject-1"))!.DataKeyId;
        Assert.Equal(current, new Guid(payload.AsSpan(5, 16)));
        Assert.Equal(current, new Guid((await scope.SealAsync("subject-1", VaultTestData.Person())).AsSpan(5, 16)));
    }

    [Fact]
    public async Task ShredAsync_WhileParallelScopeSealsRun_NoSealStartedAfterwardsUsesAShreddedKey()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var person = VaultTestData.Person();
        using var stop = new CancellationTokenSource();
        var violations = 0;
        var seals = 0;
        HashSet<Guid> shredded = [];

        using var scope = vault.BeginSealScope();
        var sealers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var shreddedBefore = Volatile.Read(ref shredded);
                var payload = await scope.SealAsync("subject-1", person);
                Interlocked.Increment(ref seals);
                if (shreddedBefore.Contains(new Guid(payload.AsSpan(5, 16))))
                {
                    Interlocked.Increment(ref violations);
                }
            }
        })).ToList();

        // Shred until enough keys the sealers created were shredded under them (bounded, for a loaded machine).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((store.Deleted.Count < 200 || Volatile.Read(ref seals) < 2000) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await vault.ShredAsync("subject-1");
            Volatile.Write(ref shredded, store.Deleted); // the keys of every shred that has returned
            await Task.Delay(TimeSpan.FromTicks(1));
        }

        await stop.CancelAsync();
        await Task.WhenAll(sealers);

        Assert.True(store.Deleted.Count >= 200, "the shreds should have hit keys the sealers created");
        Assert.Equal(0, violations);
    }

    [Fact]
    public async Task SealAsync_AnotherWriterCreatesTheKeyAndAShredDeletesItBeforeItIsRead_SealsUnderANewKey()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        var competitor = Guid.Empty;
        store.BeforePut = key =>
        {
            store.BeforePut = null;
            competitor = Guid.NewGuid();
            store.PutAsAnotherWriter(key with { DataKeyId = competitor }); // created first, by someone else
            return Task.CompletedTask;
        };
        store.AfterPut = async (_, stored) =>
        {
            store.AfterPut = null;
            Assert.False(stored);
            Assert.True(await vault.ShredAsync("subject-1")); // shredded before this writer could read it
        };

        using var scope = vault.BeginSealScope();
        var payload = await scope.SealAsync("subject-1", VaultTestData.Person());

        var used = new Guid(payload.AsSpan(5, 16));
        Assert.Equal([competitor], store.Deleted);
        Assert.NotEqual(competitor, used);
        Assert.Equal(used, (await store.GetDataKeyAsync("subject-1"))!.DataKeyId);
        Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
    }

    [Fact]
    public async Task SealAsync_TheKeyIsCreatedAndShreddedByOthersOnEveryAttempt_GivesUpWithDataKeyNotFound()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        store.BeforePut = key =>
        {
            store.PutAsAnotherWriter(key with { DataKeyId = Guid.NewGuid() });
            return Task.CompletedTask;
        };
        store.AfterPut = async (_, _) => await store.DeleteDataKeyAsync("subject-1");

        var ex = await Assert.ThrowsAsync<VaultException>(() => vault.SealAsync("subject-1", VaultTestData.Person()));

        Assert.Equal(VaultErrorCodes.DataKeyNotFound, ex.Code);
        Assert.Equal(IdentityVault.MaxKeyAttempts, store.Puts);
        Assert.Equal(IdentityVault.MaxKeyAttempts, store.Deleted.Count);
        Assert.Null(await store.GetDataKeyAsync("subject-1"));
    }

    [Fact]
    public async Task Dispose_Scope_DropsEveryKeyAndRefusesFurtherSeals()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        var scope = vault.BeginSealScope();
        await scope.SealAsync("subject-1", VaultTestData.Person());
        await scope.SealAsync("subject-2", VaultTestData.Person());

        scope.Dispose();

        Assert.Equal(0, scope.CachedKeyCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => scope.SealAsync("subject-1", VaultTestData.Person()));
    }

    [Fact]
    public async Task Dispose_Vault_DisposesLiveScopes()
    {
        var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();
        await scope.SealAsync("subject-1", VaultTestData.Person());

        vault.Dispose();

        Assert.Equal(0, scope.CachedKeyCount);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => scope.SealAsync("subject-1", VaultTestData.Person()));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => vault.SealAsync("subject-2", VaultTestData.Person()));
    }

    [Fact]
    public async Task SealAsync_StoreFails_ThrowsAndCachesNothing()
    {
        var store = new RecordingVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();
        store.FailGets = new IOException("store down");

        await Assert.ThrowsAsync<IOException>(() => scope.SealAsync("subject-1", VaultTestData.Person()));
        Assert.Equal(0, scope.CachedKeyCount);

        store.FailGets = null;
        var payload = await scope.SealAsync("subject-1", VaultTestData.Person());
        Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", payload)).Fields);
    }

    [Fact]
    public async Task SealAsync_DamagedWrappedKey_ThrowsWrappedDataKeyInvalidAndCachesNothing()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        await vault.SealAsync("subject-1", VaultTestData.Person());
        var record = (await store.GetDataKeyAsync("subject-1"))!;
        var damaged = record.Wrapped.ToArray();
        damaged[^1] ^= 1;
        await store.PutDataKeyAsync(record with { Wrapped = damaged }, overwrite: true);
        using var scope = vault.BeginSealScope();

        var ex = await Assert.ThrowsAsync<VaultException>(() => scope.SealAsync("subject-1", VaultTestData.Person()));

        Assert.Equal(VaultErrorCodes.WrappedDataKeyInvalid, ex.Code);
        Assert.Equal(0, scope.CachedKeyCount);
    }

    [Fact]
    public async Task RotateMasterKeyAsync_DuringParallelScopeSeals_EveryPayloadOpensAndNewKeysUseTheNewMaster()
    {
        var store = new InMemoryVaultKeyStore();
        using var vault = new IdentityVault(store, VaultTestData.Provider, VaultTestData.Time());
        await vault.SealAsync("warm-up", VaultTestData.Person());
        var subjects = Enumerable.Range(0, 300).Select(i => $"subject-{i}").ToArray();
        var payloads = new byte[subjects.Length][];

        Guid rotated;
        using (var scope = vault.BeginSealScope())
        {
            var sealing = Parallel.ForEachAsync(Enumerable.Range(0, subjects.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
                payloads[i] = await scope.SealAsync(subjects[i], VaultTestData.Person(), token));
            await vault.RotateMasterKeyAsync();
            rotated = await vault.RotateMasterKeyAsync();
            await sealing;
        }

        for (var i = 0; i < subjects.Length; i++)
        {
            Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync(subjects[i], payloads[i])).Fields);
        }

        await vault.SealAsync("after", VaultTestData.Person());
        Assert.Equal(rotated, (await store.GetDataKeyAsync("after"))!.MasterKeyId);
        Assert.Equal(3, (await store.GetMasterKeysAsync()).Count);
    }

    [Fact]
    public async Task SealAsync_FieldOver64KiB_ThrowsTooLargeWithoutTheValue()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();
        var value = "geheim-" + new string('x', 70_000);

        var ex = await Assert.ThrowsAsync<VaultException>(() => scope.SealAsync("subject-1", new IdentityRecord([new("note", new IdentityField(value, null))])));

        Assert.Equal(VaultErrorCodes.TooLarge, ex.Code);
        Assert.DoesNotContain("geheim", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(VaultTestData.Person().Fields, (await vault.OpenAsync("subject-1", await scope.SealAsync("subject-1", VaultTestData.Person()))).Fields);
    }

    [Fact]
    public async Task SealAsync_EveryFlippedBitOfAScopePayload_OpenThrowsVaultException()
    {
        using var vault = new IdentityVault(new InMemoryVaultKeyStore(), VaultTestData.Provider, VaultTestData.Time());
        using var scope = vault.BeginSealScope();
        var person = new IdentityRecord(VaultTestData.Person().Fields.Where(f => f.Key is IdentityFieldNames.Bsn or IdentityFieldNames.Surname));
        var payload = await scope.SealAsync("subject-1", person);

        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var tampered = (byte[])payload.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            await Assert.ThrowsAsync<VaultException>(() => vault.OpenAsync("subject-1", tampered));
        }
    }
}
