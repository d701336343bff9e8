using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clinic.Signals.Tests.EntityFrameworkCore;

/// <summary>
/// Model signals on a real database. Each provider (SQLite, PostgreSQL) runs every test of this class. Receivers
/// record into the test's own <see cref="SignalLog"/> through dependency injection, or are delegates connected for the
/// test's own context as sender, so tests running in parallel do not see each other's signals.
/// </summary>
public abstract class ModelSignalsTests : IDisposable
{
    /// <summary>The providers' classes share the static model signals, so they do not run at the same time.</summary>
    public const string Collection = "Model signals";

    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Configures the database provider of the test's context.</summary>
    protected abstract void UseDatabase(DbContextOptionsBuilder options);

    /// <summary>Makes the schema exist and empty.</summary>
    protected abstract void ResetDatabase(SignalsTestDb db);

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeDatabase()
    {
    }

    [Fact]
    public async Task SaveChanges_NewEntity_PreAndPostSaveWithCreatedAndThePostSeesTheGeneratedKey()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        int? keyInPre = null;
        int? keyInPost = null;
        using var pre = ModelSignals.PreSave<Doctor>().Connect((_, a) => keyInPre = a.Entity.Id, sender: db);
        using var post = ModelSignals.PostSave<Doctor>().Connect((_, a) => keyInPost = a.Entity.Id, sender: db);

        db.Doctors.Add(new Doctor { Name = "House" });
        await db.SaveChangesAsync();

        Assert.Equal(["pre_save Doctor House created=True", "post_save Doctor House created=True"], log.Events);
        Assert.True(keyInPre <= 0, "before the insert the key is not generated yet");
        Assert.True(keyInPost > 0);
        Assert.Contains("Name", log.Of<PostSaveArgs<Doctor>>().Single().ChangedProperties);
        Assert.Same(db, log.Of<PostSaveArgs<Doctor>>().Single().Context);
    }

    [Fact]
    public void SaveChanges_ModifiedEntity_ChangedPropertiesListOnlyWhatChanged()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        var patient = new Patient { Name = "Ann", Age = 30 };
        db.Patients.Add(patient);
        db.SaveChanges();
        log.Clear();

        patient.Age = 31;
        db.SaveChanges();

        Assert.Equal(["pre_save Patient Ann created=False", "post_save Patient Ann created=False"], log.Events);
        Assert.Equal(["Age"], log.Of<PreSaveArgs<Patient>>().Single().ChangedProperties);
        Assert.Equal(["Age"], log.Of<PostSaveArgs<Patient>>().Single().ChangedProperties);
    }

    [Fact]
    public async Task SaveChanges_DeletedEntity_PreAndPostDelete()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        var patient = new Patient { Name = "Bob" };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        log.Clear();

        db.Patients.Remove(patient);
        await db.SaveChangesAsync();

        Assert.Equal(["pre_delete Patient Bob", "post_delete Patient Bob"], log.Events);
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public void SaveChanges_TwoEntityTypes_EachReceiverSeesOnlyItsType()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var patients = new List<string>();
        using var handle = ModelSignals.PostSave<Patient>().Connect((_, a) => patients.Add(a.Entity.Name), sender: db);

        db.Doctors.Add(new Doctor { Name = "Grey" });
        db.Patients.Add(new Patient { Name = "Cid" });
        db.SaveChanges();

        Assert.Equal(["Cid"], patients);
    }

    [Fact]
    public void SaveChanges_PreSaveReceiverChangesTheEntity_TheChangeIsWrittenAndReported()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        var patient = new Patient { Name = "dee" };
        db.Patients.Add(patient);
        db.SaveChanges();
        using var handle = ModelSignals.PreSave<Patient>().Connect((_, a) => a.Entity.Name = a.Entity.Name.ToUpperInvariant(), sender: db);

        patient.Age = 40;
        db.SaveChanges();

        using var check = Build().CreateScope();
        Assert.Equal("DEE", check.ServiceProvider.GetRequiredService<SignalsTestDb>().Patients.Single().Name);
        Assert.Equal(["Name", "Age"], log.Of<PostSaveArgs<Patient>>()[^1].ChangedProperties.Order().Reverse());
    }

    [Fact]
    public void SaveChanges_PreSaveReceiverAddsAnotherEntity_TheAddedEntityGetsItsOwnSignals()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        using var handle = ModelSignals.PreSave<Doctor>().Connect((_, a) => a.Context.Add(new Patient { Name = "first patient of " + a.Entity.Name }), sender: db);

        db.Doctors.Add(new Doctor { Name = "Who" });
        db.SaveChanges();

        Assert.Equal(
            ["pre_save Doctor Who created=True", "pre_save Patient first patient of Who created=True",
             "post_save Doctor Who created=True", "post_save Patient first patient of Who created=True"],
            log.Events);
    }

    [Fact]
    [Trait("Case", "SIG-02")]
    public async Task SaveChanges_PreSaveReceiverThrows_VetoesTheSaveNoRowAndFailedSignalNoPost()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        using var handle = ModelSignals.PreSave<Patient>().Connect(
            (_, a) =>
            {
                if (a.Entity.Name == "forbidden")
                {
                    throw new InvalidOperationException("vetoed");
                }
            },
            sender: db);

        db.Patients.Add(new Patient { Name = "allowed" });
        db.Patients.Add(new Patient { Name = "forbidden" });
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal("vetoed", ex.Message);
        Assert.Equal(1, log.Count("save_failed InvalidOperationException"));
        Assert.DoesNotContain(log.Events, e => e.StartsWith("post_", StringComparison.Ordinal));
        using var check = Build().CreateScope();
        Assert.Equal(0, await check.ServiceProvider.GetRequiredService<SignalsTestDb>().Patients.CountAsync());
    }

    [Fact]
    public void SaveChanges_DatabaseRejectsTheWrite_FailedSignalAndNoPostSignals()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        db.Users.Add(new AppUser { Email = "a@example.com" });
        db.SaveChanges();
        log.Clear();

        db.Users.Add(new AppUser { Email = "a@example.com" });
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());

        Assert.Equal(["pre_save AppUser a@example.com created=True", "save_failed DbUpdateException"], log.Events);
        var failure = log.Of<SaveFailedArgs>().Single();
        Assert.Same(db, failure.Context);
        var logs = scope.ServiceProvider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 2001);
    }

    [Fact]
    [Trait("Case", "SIG-01")]
    public async Task SaveChanges_ThousandsOfChangesWithAConcurrencyFailureThenRetry_ExactlyOnePreAndPostPerEntityPerAttempt()
    {
        var provider = Build();
        using (var seed = provider.CreateScope())
        {
            var seedDb = seed.ServiceProvider.GetRequiredService<SignalsTestDb>();
            seedDb.Doctors.Add(new Doctor { Name = "Stale", Version = 1 });
            seedDb.Patients.AddRange(Enumerable.Range(0, 700).Select(i => new Patient { Name = "old" + i }));
            await seedDb.SaveChangesAsync();
        }

        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        log.Clear();
        var existing = await db.Patients.OrderBy(p => p.Id).ToListAsync();
        var doctor = await db.Doctors.SingleAsync();
        foreach (var p in existing.Take(500))
        {
            p.Name = "modified " + p.Name;
        }

        db.Patients.RemoveRange(existing.Skip(500));
        db.Patients.AddRange(Enumerable.Range(0, 1000).Select(i => new Patient { Name = "new" + i }));
        doctor.Name = "Edited";
        doctor.Version = 2;

        // Someone else changes the doctor first: the first attempt fails on its concurrency token.
        using (var other = provider.CreateScope())
        {
            await other.ServiceProvider.GetRequiredService<SignalsTestDb>().Doctors.ExecuteUpdateAsync(s => s.SetProperty(d => d.Version, 5));
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Equal(1500, log.Of<PreSaveArgs<Patient>>().Count);
        Assert.Equal(200, log.Of<PreDeleteArgs<Patient>>().Count);
        Assert.Empty(log.Of<PostSaveArgs<Patient>>());
        Assert.Empty(log.Of<PostDeleteArgs<Patient>>());
        Assert.Single(log.Of<SaveFailedArgs>());
        Assert.IsType<DbUpdateConcurrencyException>(log.Of<SaveFailedArgs>().Single().Exception);
        log.Clear();

        var entry = db.Entry(doctor);
        entry.OriginalValues.SetValues((await entry.GetDatabaseValuesAsync())!);
        await db.SaveChangesAsync();

        Assert.Equal(1500, log.Of<PreSaveArgs<Patient>>().Select(a => a.Entity).Distinct().Count());
        Assert.Equal(1500, log.Of<PreSaveArgs<Patient>>().Count);
        Assert.Equal(200, log.Of<PreDeleteArgs<Patient>>().Count);
        var saved = log.Of<PostSaveArgs<Patient>>();
        Assert.Equal(1500, saved.Count);
        Assert.Equal(1500, saved.Select(a => a.Entity).Distinct().Count());
        Assert.Equal(1000, saved.Count(a => a.Created));
        Assert.All(saved, a => Assert.True(a.Entity.Id > 0));
        Assert.Equal(1500, saved.Select(a => a.Entity.Id).Distinct().Count());
        Assert.All(saved.Where(a => !a.Created), a => Assert.Equal(["Name"], a.ChangedProperties));
        Assert.Equal(200, log.Of<PostDeleteArgs<Patient>>().Select(a => a.Entity).Distinct().Count());
        Assert.Equal(200, log.Of<PostDeleteArgs<Patient>>().Count);
        Assert.Single(log.Of<PostSaveArgs<Doctor>>());
        Assert.Empty(log.Of<SaveFailedArgs>());
        using var check = provider.CreateScope();
        var checkDb = check.ServiceProvider.GetRequiredService<SignalsTestDb>();
        Assert.Equal(1500, await checkDb.Patients.CountAsync());
        var persisted = await checkDb.Patients.ToDictionaryAsync(p => p.Id, p => p.Name);
        Assert.All(saved, a => Assert.Equal(a.Entity.Name, persisted[a.Entity.Id]));
    }

    [Fact]
    public void SaveChanges_PostSaveReceiverCreatesAProfile_NestedSaveWorksAndRaisesItsOwnSignals()
    {
        using var scope = Build(s => s.AddSignalReceiver<PostSaveArgs<AppUser>, CreateProfileOnUserCreated>()).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();

        var user = new AppUser { Email = "u@example.com" };
        db.Users.Add(user);
        db.SaveChanges();

        Assert.Equal(
            ["pre_save AppUser u@example.com created=True", "post_save AppUser u@example.com created=True",
             "pre_save UserProfile profile of u@example.com created=True", "post_save UserProfile profile of u@example.com created=True"],
            log.Events);
        using var check = Build().CreateScope();
        var profile = check.ServiceProvider.GetRequiredService<SignalsTestDb>().Profiles.Single();
        Assert.Equal(user.Id, profile.UserId);

        log.Clear();
        user.Logins++;
        db.SaveChanges();
        Assert.Equal(["pre_save AppUser u@example.com created=False", "post_save AppUser u@example.com created=False"], log.Events);
    }

    [Fact]
    public async Task SaveChangesAsync_PostSaveReceiverCreatesAProfile_NestedSaveWorks()
    {
        await using var scope = Build(s => s.AddSignalReceiver<PostSaveArgs<AppUser>, CreateProfileOnUserCreated>()).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();

        db.Users.AddRange(new AppUser { Email = "x@example.com" }, new AppUser { Email = "y@example.com" });
        await db.SaveChangesAsync();

        Assert.Equal(2, log.Of<PostSaveArgs<UserProfile>>().Count);
        Assert.Equal(2, log.Of<PostSaveArgs<AppUser>>().Count);
        Assert.Equal(2, await db.Profiles.CountAsync());
    }

    [Fact]
    public void SaveChanges_ReceiverSavesWhatTriggeredItForever_StopsWithAClearError()
    {
        using var scope = Build(s => s.AddSignalReceiver<PostSaveArgs<AppUser>, SaveUserAgainForever>()).CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();

        db.Users.Add(new AppUser { Email = "loop@example.com" });
        var ex = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("nested", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "SIG-02")]
    public void OnCommit_FromPostSaveInAnExplicitTransaction_RunsOnlyAfterCommit()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var mails = new List<string>();
        var plainPost = 0;
        using var handle = ModelSignals.PostSave<AppUser>().Connect(
            (_, a) =>
            {
                plainPost++;
                a.Context.OnCommit(() => mails.Add("welcome " + a.Entity.Email));
            },
            sender: db);

        using var transaction = db.Database.BeginTransaction();
        db.Users.Add(new AppUser { Email = "c@example.com" });
        db.SaveChanges();
        Assert.Equal(1, plainPost);
        Assert.Empty(mails);
        transaction.Commit();

        Assert.Equal(["welcome c@example.com"], mails);
    }

    [Fact]
    [Trait("Case", "SIG-02")]
    public async Task OnCommit_TransactionRolledBack_NeverRuns()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var mails = new List<string>();
        var plainPost = 0;
        using var handle = ModelSignals.PostSave<AppUser>().Connect(
            async (_, a, token) =>
            {
                plainPost++;
                await a.Context.OnCommitAsync(
                    _ =>
                    {
                        mails.Add("welcome " + a.Entity.Email);
                        return ValueTask.CompletedTask;
                    },
                    token);
            },
            sender: db);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Users.Add(new AppUser { Email = "r@example.com" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, plainPost);
        Assert.Empty(mails);
        db.ChangeTracker.Clear();
        await using (var next = await db.Database.BeginTransactionAsync())
        {
            db.Users.Add(new AppUser { Email = "s@example.com" });
            await db.SaveChangesAsync();
            await next.CommitAsync();
        }

        Assert.Equal(["welcome s@example.com"], mails);
        Assert.Equal(0, await db.Users.CountAsync(u => u.Email == "r@example.com"));
    }

    [Fact]
    [Trait("Case", "SIG-02")]
    public void OnCommit_TransactionDisposedWithoutCommit_NeverRuns()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var ran = 0;
        using var handle = ModelSignals.PostSave<AppUser>().Connect((_, a) => a.Context.OnCommit(() => ran++), sender: db);

        using (db.Database.BeginTransaction())
        {
            db.Users.Add(new AppUser { Email = "d@example.com" });
            db.SaveChanges();
        }

        db.ChangeTracker.Clear();
        using (var next = db.Database.BeginTransaction())
        {
            next.Commit();
        }

        Assert.Equal(0, ran);
    }

    [Fact]
    public void OnCommit_NoExplicitTransaction_RunsRightAfterTheSaveCommitted()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var seenRows = -1;
        using var handle = ModelSignals.PostSave<AppUser>().Connect(
            (_, a) => a.Context.OnCommit(() =>
            {
                using var other = Build().CreateScope();
                seenRows = other.ServiceProvider.GetRequiredService<SignalsTestDb>().Users.Count();
            }),
            sender: db);

        db.Users.Add(new AppUser { Email = "e@example.com" });
        db.SaveChanges();

        Assert.Equal(1, seenRows);
    }

    [Fact]
    [Trait("Case", "SIG-02")]
    public void OnCommit_QueuedByAPreSaveReceiverOfASaveThatFails_NeverRuns()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        db.Users.Add(new AppUser { Email = "dup@example.com" });
        db.SaveChanges();
        var ran = 0;
        using var handle = ModelSignals.PreSave<AppUser>().Connect((_, a) => a.Context.OnCommit(() => ran++), sender: db);

        db.Users.Add(new AppUser { Email = "dup@example.com" });
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        Assert.Equal(0, ran);

        db.ChangeTracker.Clear();
        db.Users.Add(new AppUser { Email = "fine@example.com" });
        db.SaveChanges();
        Assert.Equal(1, ran);
    }

    [Fact]
    public void OnCommit_ActionThrows_LoggedAndTheOthersStillRun()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var ran = new List<int>();
        using var transaction = db.Database.BeginTransaction();
        db.OnCommit(() => ran.Add(1));
        db.OnCommit(() => throw new InvalidOperationException("mail server down"));
        db.OnCommit(() => ran.Add(3));

        transaction.Commit();

        Assert.Equal([1, 3], ran);
        Assert.Contains(scope.ServiceProvider.GetRequiredService<FakeLogCollector>().GetSnapshot(), r => r.Id.Id == 2002);
    }

    [Fact]
    [Trait("Case", "SIG-03")]
    public async Task ExecuteUpdateAndExecuteDelete_HundredRows_RaiseNoModelSignals()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        db.Patients.AddRange(Enumerable.Range(0, 100).Select(i => new Patient { Name = "bulk" + i }));
        await db.SaveChangesAsync();
        log.Clear();

        var updated = await db.Patients.ExecuteUpdateAsync(s => s.SetProperty(p => p.Age, 50));
        var deleted = await db.Patients.ExecuteDeleteAsync();

        Assert.Equal(100, updated);
        Assert.Equal(100, deleted);
        Assert.Empty(log.Events);
    }

    [Fact]
    [Trait("Case", "SIG-03")]
    public async Task SaveChanges_DeleteDoctorWithUntrackedPatients_EveryCascadedPatientGetsDeleteSignals()
    {
        var provider = Build();
        await SeedDoctorWithPatientsAsync(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        log.Clear();

        db.Doctors.Remove(await db.Doctors.SingleAsync());
        await db.SaveChangesAsync();

        Assert.Equal("pre_delete Doctor Cascade", log.Events[0]);
        Assert.Equal(10, log.Of<PreDeleteArgs<Patient>>().Count);
        Assert.Equal(10, log.Of<PostDeleteArgs<Patient>>().Count);
        Assert.Single(log.Of<PostDeleteArgs<Doctor>>());
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    [Trait("Case", "SIG-03")]
    public async Task SaveChanges_CascadeSignalsSwitchedOff_OnlyTheDoctorGetsSignalsAndTheDatabaseCascades()
    {
        var provider = Build(signals: o => o.SignalCascadeDeletes = false);
        await SeedDoctorWithPatientsAsync(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        log.Clear();

        db.Doctors.Remove(await db.Doctors.SingleAsync());
        await db.SaveChangesAsync();

        Assert.Equal(["pre_delete Doctor Cascade", "post_delete Doctor Cascade"], log.Events);
        Assert.Equal(0, await db.Patients.CountAsync());
    }

    [Fact]
    public void UseClinicSignals_CalledTwice_SignalsSentOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<SignalLog>();
        services.AddSignalReceiver<PostSaveArgs<Doctor>, Recorder<PostSaveArgs<Doctor>>>();
        services.AddDbContext<SignalsTestDb>((sp, o) =>
        {
            UseDatabase(o);
            o.UseClinicSignals(sp).UseClinicSignals(sp);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        ResetDatabase(db);

        db.Doctors.Add(new Doctor { Name = "Once" });
        db.SaveChanges();

        Assert.Single(scope.ServiceProvider.GetRequiredService<SignalLog>().Events);
    }

    [Fact]
    public void SaveChanges_PostSaveReceiverThrows_PropagatesButTheRowIsWrittenAndNoFailedSignal()
    {
        using var scope = Build().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var log = scope.ServiceProvider.GetRequiredService<SignalLog>();
        using var handle = ModelSignals.PostSave<Doctor>().Connect((_, _) => throw new InvalidOperationException("post failed"), sender: db);

        db.Doctors.Add(new Doctor { Name = "Written" });
        var ex = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Equal("post failed", ex.Message);
        Assert.Empty(log.Of<SaveFailedArgs>());
        using var check = Build().CreateScope();
        Assert.Equal("Written", check.ServiceProvider.GetRequiredService<SignalsTestDb>().Doctors.Single().Name);
    }

    [Fact]
    public void UseClinicSignals_WithoutServiceProvider_SendsToConnectedDelegates()
    {
        var services = new ServiceCollection();
        services.AddDbContext<SignalsTestDb>(o =>
        {
            UseDatabase(o);
            o.UseClinicSignals();
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        ResetDatabase(db);
        var saved = new List<string>();
        using var handle = ModelSignals.PostSave<Doctor>().Connect((_, a) => saved.Add(a.Entity.Name), sender: db);

        db.Doctors.Add(new Doctor { Name = "Plain" });
        db.SaveChanges();

        Assert.Equal(["Plain"], saved);
    }

    [Fact]
    public void UseClinicSignals_ProviderWithoutAddClinicSignals_SaveThrowsAndSaysWhatToCall()
    {
        var services = new ServiceCollection();
        services.AddDbContext<SignalsTestDb>((sp, o) =>
        {
            UseDatabase(o);
            o.UseClinicSignals(sp);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
        db.Database.EnsureCreated();

        db.Doctors.Add(new Doctor { Name = "Nobody" });
        var ex = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("AddClinicSignals", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnCommit_ContextWithoutSignals_ThrowsAndSaysWhatToCall()
    {
        var services = new ServiceCollection();
        services.AddDbContext<SignalsTestDb>(UseDatabase);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();

        var ex = Assert.Throws<InvalidOperationException>(() => db.OnCommit(() => { }));

        Assert.Contains("UseClinicSignals", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Case", "SIG-04")]
    public void ScopedContexts_TenThousandCreatedAndDisposed_ReceiverCountConstant()
    {
        var provider = Build();
        var signal = ModelSignals.PostSave<UserProfile>();
        var before = signal.ReceiverCount;
        var saves = 0;
        using var handle = signal.Connect((_, _) => saves++, dispatchId: "sig04-" + GetType().Name);

        for (var i = 0; i < 10_000; i++)
        {
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SignalsTestDb>();
            if (i % 1000 == 0)
            {
                db.Profiles.Add(new UserProfile { UserId = i, DisplayName = "p" + i });
                db.SaveChanges();
            }
        }

        Assert.Equal(before + 1, signal.ReceiverCount);
        Assert.Equal(10, saves);
        handle.Dispose();
        Assert.Equal(before, signal.ReceiverCount);
    }

    protected ServiceProvider Build(Action<IServiceCollection>? configure = null, Action<ModelSignalsOptions>? signals = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<SignalLog>();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));

        services.AddClinicSignals();
        services.AddDbContext<SignalsTestDb>((sp, o) =>
        {
            UseDatabase(o);
            o.UseClinicSignals(sp, signals);
        });
        Record<PreSaveArgs<Doctor>>(services);
        Record<PostSaveArgs<Doctor>>(services);
        Record<PreDeleteArgs<Doctor>>(services);
        Record<PostDeleteArgs<Doctor>>(services);
        Record<PreSaveArgs<Patient>>(services);
        Record<PostSaveArgs<Patient>>(services);
        Record<PreDeleteArgs<Patient>>(services);
        Record<PostDeleteArgs<Patient>>(services);
        Record<PreSaveArgs<AppUser>>(services);
        Record<PostSaveArgs<AppUser>>(services);
        Record<PreSaveArgs<UserProfile>>(services);
        Record<PostSaveArgs<UserProfile>>(services);
        Record<SaveFailedArgs>(services);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _providers.Add(provider);
        if (_providers.Count == 1)
        {
            using var scope = provider.CreateScope();
            ResetDatabase(scope.ServiceProvider.GetRequiredService<SignalsTestDb>());
        }

        return provider;
    }

    private static void Record<TArgs>(IServiceCollection services)
        where TArgs : class => services.AddSignalReceiver<TArgs, Recorder<TArgs>>();

    private static async Task SeedDoctorWithPatientsAsync(ServiceProvider provider)
    {
        using var seed = provider.CreateScope();
        var db = seed.ServiceProvider.GetRequiredService<SignalsTestDb>();
        var doctor = new Doctor { Name = "Cascade" };
        doctor.Patients.AddRange(Enumerable.Range(0, 10).Select(i => new Patient { Name = "p" + i }));
        db.Doctors.Add(doctor);
        await db.SaveChangesAsync();
    }
}
