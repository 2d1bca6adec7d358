"""Runs the Microsoft SARIF multitool's `validate` (rule kinds Sarif and Gh,
as GitHub code scanning checks uploads) and returns its errors."""
import json
import os
import subprocess
import tempfile


def sarif_errors(multitool, paths):
    """The multitool's error-level results for the SARIF files in paths, as
    'file: RULE: message' lines; raises if the tool itself fails."""
    if not os.access(multitool, os.X_OK):
        raise RuntimeError('the SARIF multitool is not installed at %s; run '
                           'scripts/install-sarif-multitool.sh' % multitool)
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, 'validation.sarif')
        env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT='1')
        # The files go first: the list options would take them as values.
        run = subprocess.run([multitool, 'validate'] + list(paths) +
                             ['--rule-kind', 'Sarif;Gh', '--output', out,
                              '--log', 'ForceOverwrite'],
                             capture_output=True, text=True, env=env, timeout=300)
        if not os.path.exists(out):
            raise RuntimeError('the SARIF multitool failed:\n' + run.stdout + run.stderr)
        with open(out) as f:
            log = json.load(f)
    errors = []
    for run in log['runs']:
        for result in run.get('results', []):
            if result.get('level', 'warning') == 'error':
                where = result['locations'][0]['physicalLocation']['artifactLocation']['uri']
                text = result['message'].get('text') or str(result['message'].get('arguments'))
                errors.append('%s: %s: %s' % (where, result['ruleId'], text))
    return errors
