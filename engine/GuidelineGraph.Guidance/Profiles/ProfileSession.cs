using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.RuleSets;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>What one edit of a session's profile changed.</summary>
public sealed record ProfileChange(IReadOnlyList<string> AddedRequirements, IReadOnlyList<string> RemovedRequirements, TimeSpan Elapsed);

/// <summary>
/// A profile kept materialised in a model of its own, so that adding or removing one feature re-derives only
/// what changed (the reasoner's DRed maintenance) instead of inferring from scratch. One session serves one
/// document; calls are serialised. Dispose it to hand the model back to the <see cref="ProfileInference"/>.
/// </summary>
public sealed class ProfileSession : IDisposable
{
    private readonly ProfileInference _owner;
    private readonly Lock _lock = new();
    private readonly List<Feature> _features;
    private Materialization? _model;
    private InferenceResult? _result;

    internal ProfileSession(ProfileInference owner, List<Feature> features)
    {
        _owner = owner;
        _features = features;
        _model = owner.Rent();
        _model.Add(ProfileInference.ProfileFacts(features));
    }

    /// <summary>The asserted features' ids, in the order they were added.</summary>
    public IReadOnlyList<string> AssertedFeatureIds
    {
        get { lock (_lock) return [.. _features.Select(f => f.Id)]; }
    }

    /// <summary>Asserts a feature (id or IRI); nothing changes when it is asserted already.</summary>
    public ProfileChange Add(string featureId)
    {
        Feature feature = _owner.FindFeature(featureId);
        lock (_lock)
        {
            if (_features.Contains(feature)) return new ProfileChange([], [], TimeSpan.Zero);
            _features.Add(feature);
            return Changed(Model.Add([ProfileInference.HasFeature(feature)]));
        }
    }

    /// <summary>Retracts an asserted feature; features only derived cannot be removed and change nothing.</summary>
    public ProfileChange Remove(string featureId)
    {
        Feature feature = _owner.FindFeature(featureId);
        lock (_lock)
        {
            if (!_features.Remove(feature)) return new ProfileChange([], [], TimeSpan.Zero);
            return Changed(Model.Remove([ProfileInference.HasFeature(feature)]));
        }
    }

    /// <summary>The current inference, computed on first use after a change.</summary>
    public InferenceResult Result => Read(null);

    /// <summary>The current inference restricted to one guideline.</summary>
    public InferenceResult Read(Guideline? guideline)
    {
        lock (_lock)
        {
            if (guideline is null) return _result ??= new InferenceReader(_owner, Model).Read(null);
            return new InferenceReader(_owner, Model).Read(guideline);
        }
    }

    private Materialization Model => _model ?? throw new ObjectDisposedException(nameof(ProfileSession));

    private ProfileChange Changed(UpdateResult update)
    {
        _result = null;
        static IReadOnlyList<string> Requirements(IEnumerable<Rdf.Triple> triples) =>
            [.. triples.Where(t => t.Subject.Equals(ProfileInference.ProfileNode) && t.Predicate.Equals(GuidelineTerms.Requires))
                .Select(t => GuidelineCatalog.LocalName(t.Object)).Order(NaturalComparer.Instance)];
        return new ProfileChange(Requirements(update.Added), Requirements(update.Removed), update.Elapsed);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_model is null) return;
            _model.Remove(ProfileInference.ProfileFacts(_features));
            _owner.Return(_model);
            _model = null;
        }
    }
}
